/** WeCom callback crypto (WXBizMsgCrypt, wecom-api-notes §4) and the safe reading of its XML; no container needed. */
package cn.edu.ntvu.workbench.wecom.callback.domain;
