/**
 * Use cases of 收集表 (build, publish, fill, results, remind, close), each in one transaction with its
 * audit entry.
 */
package cn.edu.ntvu.workbench.forms.application;
