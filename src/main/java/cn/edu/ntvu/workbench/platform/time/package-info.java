/**
 * The school's clock: what date and time it is at the school (Asia/Shanghai), for every micro-app.
 */
package cn.edu.ntvu.workbench.platform.time;
