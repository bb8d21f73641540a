/** Web plumbing shared by all pages: filters, safe redirects, locale, caching headers, error pages. */
package cn.edu.ntvu.workbench.platform.web;
