/** 通知: the application layer. */
package cn.edu.ntvu.workbench.notices.application;
