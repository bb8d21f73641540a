/** The admin sync page, the report and its CSV export, and 我的账号. */
package cn.edu.ntvu.workbench.contacts.interfaces.web;
