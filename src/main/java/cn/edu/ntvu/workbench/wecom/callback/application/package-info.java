/** Taking a WeCom callback in once across servers and handing it to the micro-apps as the CDI event {@link cn.edu.ntvu.workbench.wecom.callback.application.WeComCallbackMessage}. */
package cn.edu.ntvu.workbench.wecom.callback.application;
