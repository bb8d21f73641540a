/**
 * WeCom (企业微信) concepts in WeCom's own words: an agent (应用) with its secret, the identity that
 * {@code auth/getuserinfo} returns, and the typed errors of the server API (wecom-api-notes §1.2,
 * §2.4).
 */
package cn.edu.ntvu.workbench.wecom.domain;
