/**
 * WeCom's ways in: the callback URL {@code /wecom/callback} that WeCom's servers call (outside
 * sign-in), the JS-SDK signature endpoint and what pages need to use the vendored JS-SDK, the admin
 * page {@code /admin/wecom/setup.xhtml} and the serving of {@code /WW_verify_*.txt} at the site
 * root.
 */
package cn.edu.ntvu.workbench.wecom.interfaces.web;
