-- The development stand-in for WeCom is a web application of its own now (src/standin, target/wecom-standin.war),
-- with its tables in a database of its own: the app's schema, production's included, no longer holds the tables the
-- stand-in kept here (V2, V10, V14). Nothing of the app ever read them.
DROP TABLE IF EXISTS standin_wecom_grant;
DROP TABLE IF EXISTS standin_wecom_message;
DROP TABLE IF EXISTS standin_wecom_response_code;
DROP TABLE IF EXISTS standin_wecom_department;
DROP TABLE IF EXISTS standin_wecom_user;
DROP TABLE IF EXISTS standin_wecom_media;
DROP TABLE IF EXISTS standin_wecom_job;
