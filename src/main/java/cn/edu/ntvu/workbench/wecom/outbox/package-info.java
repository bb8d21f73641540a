/**
 * The transactional outbox for WeCom application messages: micro-apps queue messages in their own transaction
 * ({@link cn.edu.ntvu.workbench.wecom.outbox.WeComOutbox}); a worker delivers them.
 */
package cn.edu.ntvu.workbench.wecom.outbox;
