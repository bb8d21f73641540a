/**
 * The transactional outbox: micro-apps queue messages in their own transaction ({@link
 * WeComOutbox#enqueue}); the sender claims due messages, keeps the per-person limits and hands each
 * to the {@link MessageSender} that the WeCom context implements (this context never imports
 * WeCom); the admin service lists and retries failed ones.
 */
package cn.edu.ntvu.workbench.messaging.application;
