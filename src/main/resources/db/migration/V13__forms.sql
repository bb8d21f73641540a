-- 收集表 (forms): a form with its questions, owners and audience; the audience snapshot taken at publish (who is
-- asked, who has filled); responses and their answers; server-side drafts; uploaded files; the closing job's claim.
-- Anonymous forms: a response row carries only respondent_key (HMAC of form and account under a server secret) and
-- no time, so nothing stored names who answered what. Times are school time (Asia/Shanghai).

CREATE TABLE form (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  title              VARCHAR(100)  NOT NULL,
  description        VARCHAR(2000) NOT NULL DEFAULT '',
  -- DRAFT, PUBLISHED, CLOSED, ARCHIVED
  status             VARCHAR(16)   NOT NULL,
  owner_account      VARCHAR(32)   NOT NULL,
  owner_name         VARCHAR(64)   NOT NULL,
  deadline           DATETIME      NULL,
  several_responses  BOOLEAN       NOT NULL DEFAULT FALSE,
  editable           BOOLEAN       NOT NULL DEFAULT FALSE,
  anonymous          BOOLEAN       NOT NULL DEFAULT FALSE,
  copied_from        BIGINT        NULL,
  created_at         DATETIME(3)   NOT NULL,
  published_at       DATETIME(3)   NULL,
  closed_at          DATETIME(3)   NULL,
  -- MANUAL or DEADLINE
  closed_by          VARCHAR(16)   NULL,
  archived_at        DATETIME(3)   NULL,
  -- "remind the N who have not filled" at most once an hour
  last_reminded_at   DATETIME(3)   NULL,
  version            INT           NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_form_owner (owner_account, status),
  KEY ix_form_deadline (status, deadline)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 共同负责人: they see and manage the form as the owner does.
CREATE TABLE form_co_owner (
  form_id   BIGINT       NOT NULL,
  account   VARCHAR(32)  NOT NULL,
  PRIMARY KEY (form_id, account),
  KEY ix_form_co_owner_account (account),
  CONSTRAINT fk_form_co_owner_form FOREIGN KEY (form_id) REFERENCES form (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is asked: the union of these lines (DEPARTMENT code, CLASS code, ROLE name, PERSON account, MY_CLASSES).
CREATE TABLE form_audience (
  form_id   BIGINT       NOT NULL,
  kind      VARCHAR(16)  NOT NULL,
  value     VARCHAR(64)  NOT NULL DEFAULT '',
  PRIMARY KEY (form_id, kind, value),
  CONSTRAINT fk_form_audience_form FOREIGN KEY (form_id) REFERENCES form (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE form_question (
  id             BIGINT         NOT NULL AUTO_INCREMENT,
  form_id        BIGINT         NOT NULL,
  position       INT            NOT NULL,
  -- TEXT, TEXTAREA, NUMBER, SINGLE, MULTIPLE, DROPDOWN, DATE, TIME, MOBILE, FILE
  type           VARCHAR(16)    NOT NULL,
  title          VARCHAR(200)   NOT NULL,
  help           VARCHAR(500)   NOT NULL DEFAULT '',
  required       BOOLEAN        NOT NULL DEFAULT FALSE,
  min_number     DECIMAL(25,10) NULL,
  max_number     DECIMAL(25,10) NULL,
  decimals       INT            NULL,
  min_choices    INT            NULL,
  max_choices    INT            NULL,
  max_length     INT            NULL,
  -- JSON array of {"id":"o1","label":"…"}
  options        TEXT           NULL,
  images_only    BOOLEAN        NOT NULL DEFAULT TRUE,
  max_kilobytes  INT            NULL,
  PRIMARY KEY (id),
  KEY ix_form_question_form (form_id, position),
  CONSTRAINT fk_form_question_form FOREIGN KEY (form_id) REFERENCES form (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audience as resolved when the form was published: counts, the badge, who has not filled and the reminder.
CREATE TABLE form_recipient (
  form_id     BIGINT       NOT NULL,
  account     VARCHAR(32)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  unit_name   VARCHAR(100) NULL,
  filled      BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (form_id, account),
  KEY ix_form_recipient_account (account, filled),
  KEY ix_form_recipient_filled (form_id, filled),
  CONSTRAINT fk_form_recipient_form FOREIGN KEY (form_id) REFERENCES form (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE form_response (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  form_id             BIGINT       NOT NULL,
  -- HMAC-SHA256(form id, account) under forms.anonymity-secret, hex
  respondent_key      CHAR(64)     NOT NULL,
  -- NULL on anonymous forms
  respondent_account  VARCHAR(32)  NULL,
  respondent_name     VARCHAR(64)  NULL,
  unit_name           VARCHAR(100) NULL,
  -- = respondent_key when the form takes one response per person, so a second one cannot be stored; else NULL
  single_key          CHAR(64)     NULL,
  -- the filling page's one-time token: a double tap or a retried post stores one response
  submit_token        VARCHAR(64)  NOT NULL,
  -- NULL on anonymous forms (a time would tell who it was)
  submitted_at        DATETIME(3)  NULL,
  updated_at          DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_form_response_single (form_id, single_key),
  UNIQUE KEY uk_form_response_token (form_id, respondent_key, submit_token),
  KEY ix_form_response_key (form_id, respondent_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE form_answer (
  response_id   BIGINT          NOT NULL,
  question_id   BIGINT          NOT NULL,
  form_id       BIGINT          NOT NULL,
  text_value    MEDIUMTEXT      NULL,
  number_value  DECIMAL(25,10)  NULL,
  -- option ids, comma-separated, in the question's order
  choice_ids    VARCHAR(1000)   NULL,
  file_id       BIGINT          NULL,
  PRIMARY KEY (response_id, question_id),
  KEY ix_form_answer_question (form_id, question_id),
  CONSTRAINT fk_form_answer_response FOREIGN KEY (response_id) REFERENCES form_response (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a person typed so far (JSON), kept on the server when the page is closed.
CREATE TABLE form_draft (
  form_id         BIGINT       NOT NULL,
  respondent_key  CHAR(64)     NOT NULL,
  content         MEDIUMTEXT   NOT NULL,
  saved_at        DATETIME(3)  NOT NULL,
  PRIMARY KEY (form_id, respondent_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An uploaded photo or PDF of an answer (in the database, so any server serves it); no time, as for responses.
CREATE TABLE form_file (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  form_id         BIGINT        NOT NULL,
  question_id     BIGINT        NOT NULL,
  respondent_key  CHAR(64)      NOT NULL,
  file_name       VARCHAR(255)  NOT NULL,
  content_type    VARCHAR(64)   NOT NULL,
  size_bytes      INT           NOT NULL,
  content         MEDIUMBLOB    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_form_file_form (form_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduled jobs claim their run here (SELECT … FOR UPDATE, then compare last_run_at): once across servers.
CREATE TABLE form_job (
  name         VARCHAR(64)  NOT NULL,
  last_run_at  DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO form_job (name) VALUES ('close-at-deadline');
