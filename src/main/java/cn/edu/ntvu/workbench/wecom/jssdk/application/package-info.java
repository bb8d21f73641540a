/** Corp and agent jsapi_tickets shared between servers, and signing our pages for {@code ww.register}. */
package cn.edu.ntvu.workbench.wecom.jssdk.application;
