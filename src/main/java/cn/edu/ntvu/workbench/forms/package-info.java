/**
 * 收集表 forms: staff build a form, send it to an audience, follow who filled it, remind the others,
 * export.
 */
package cn.edu.ntvu.workbench.forms;
