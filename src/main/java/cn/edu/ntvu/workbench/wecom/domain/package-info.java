/**
 * WeCom (企业微信) concepts in WeCom's own words: an agent (应用) with its secret, the identity that
 * {@code auth/getuserinfo} returns, the typed errors of the server API (docs/wecom-api.md §1.2,
 * §2.4), the callback crypto (WXBizMsgCrypt, §4) and the safe reading of its XML, the JS-SDK
 * signature (§3) and the domain verification file (§8). No container needed.
 */
package cn.edu.ntvu.workbench.wecom.domain;
