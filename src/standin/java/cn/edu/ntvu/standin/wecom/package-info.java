/**
 * WeCom's server API as the stand-in plays it (wecom-api-notes): {@code /cgi-bin/gettoken}, {@code
 * /cgi-bin/auth/getuserinfo}, the JS-SDK tickets, {@code /cgi-bin/message/send} and {@code
 * /cgi-bin/message/update_template_card}, with WeCom's JSON shapes and error codes, so that the
 * app's real client runs unchanged with {@code wecom.api-base-url = …/wecom-standin}. Also the
 * OAuth authorize screen (§1.1) at {@code /connect/oauth2/authorize}, the inbox page ({@code
 * /inbox}) showing what people would have seen, and the test controls under {@code /_control}.
 * Issued tokens and codes live in table {@code wecom_grant}, so several servers agree; faults, call
 * counters and the per-member counting lock live in each server's memory.
 */
package cn.edu.ntvu.standin.wecom;
