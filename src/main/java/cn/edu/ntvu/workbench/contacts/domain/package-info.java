/**
 * What WeCom contacts hold (departments, members, batch jobs) and the pure rules of the sync:
 * validation and the diff.
 */
package cn.edu.ntvu.workbench.contacts.domain;
