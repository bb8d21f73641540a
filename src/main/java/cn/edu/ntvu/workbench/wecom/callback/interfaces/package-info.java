/** The callback URL {@code /wecom/callback} that WeCom's servers call, outside sign-in. */
package cn.edu.ntvu.workbench.wecom.callback.interfaces;
