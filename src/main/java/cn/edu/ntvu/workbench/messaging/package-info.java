/**
 * Messaging (was wecom/outbox): the transactional outbox that leave and 收集表 use to tell people
 * things. A micro-app queues a message in the transaction that changes its state; a worker on every
 * server delivers it once through {@link
 * cn.edu.ntvu.workbench.messaging.application.MessageSender}, which the WeCom context implements —
 * messaging never imports WeCom. See docs/messaging.md.
 */
package cn.edu.ntvu.workbench.messaging;
