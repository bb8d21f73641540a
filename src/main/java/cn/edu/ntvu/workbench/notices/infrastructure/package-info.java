/** 通知: the infrastructure layer. */
package cn.edu.ntvu.workbench.notices.infrastructure;
