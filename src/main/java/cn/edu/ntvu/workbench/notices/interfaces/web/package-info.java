/** 通知: the pages, the export and their beans. */
package cn.edu.ntvu.workbench.notices.interfaces.web;
