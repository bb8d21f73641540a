/** 通知: the domain layer. */
package cn.edu.ntvu.workbench.notices.domain;
