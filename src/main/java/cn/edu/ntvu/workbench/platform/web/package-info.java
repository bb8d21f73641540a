/**
 * Web plumbing shared by all pages: filters, safe redirects, locale, caching headers, error pages,
 * and the one Jakarta REST application.
 */
package cn.edu.ntvu.workbench.platform.web;
