/**
 * The contacts API calls on the WeCom client, the sync runs (plan, confirm, run, resume) and the
 * account view.
 */
package cn.edu.ntvu.workbench.contacts.application;
