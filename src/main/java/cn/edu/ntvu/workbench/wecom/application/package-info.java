/**
 * What the app does with WeCom, independent of HTTP and database: the API client's rules (per-agent
 * access_token caching, one refresh at a time across servers, invalidate-and-retry-once, back-off
 * on 系统繁忙, typed errors — docs/wecom-api.md §2), the callback taken in once across servers and
 * handed to the micro-apps as the CDI event {@link
 * cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage}, the JS-SDK's jsapi_tickets and
 * signatures, the domain verification files, and the sending of the messaging outbox's messages
 * ({@link cn.edu.ntvu.workbench.wecom.application.WeComMessageSender}). The transport ({@link
 * WeComHttp}) and the shared token store ({@link CredentialStore}) are ports implemented in the
 * infrastructure package.
 */
package cn.edu.ntvu.workbench.wecom.application;
