/** The signature endpoint and what pages need to use the vendored JS-SDK (e.g. to close WeCom's window). */
package cn.edu.ntvu.workbench.wecom.jssdk.interfaces;
