/** The WeCom JS-SDK signature (wecom-api-notes §3) and which page URLs may be signed. */
package cn.edu.ntvu.workbench.wecom.jssdk.domain;
