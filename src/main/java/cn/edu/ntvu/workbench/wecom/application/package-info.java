/**
 * The WeCom API client's rules, independent of HTTP and database: per-agent access_token caching,
 * one refresh at a time across servers, invalidate-and-retry-once, back-off on 系统繁忙 and typed
 * errors (wecom-api-notes §2). The transport ({@link WeComHttp}) and the shared token store ({@link
 * CredentialStore}) are ports implemented in the infrastructure package.
 */
package cn.edu.ntvu.workbench.wecom.application;
