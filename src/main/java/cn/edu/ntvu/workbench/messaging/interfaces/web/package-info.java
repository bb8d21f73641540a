/** The admin page {@code /admin/wecom/outbox.xhtml}: counts, pending and failed messages, retry. */
package cn.edu.ntvu.workbench.messaging.interfaces.web;
