/** The admin page {@code /admin/wecom/setup.xhtml} and the serving of {@code /WW_verify_*.txt} at the site root. */
package cn.edu.ntvu.workbench.wecom.setup.interfaces;
