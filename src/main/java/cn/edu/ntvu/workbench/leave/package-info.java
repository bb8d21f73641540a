/**
 * 学生请假: a student asks for leave on the phone, the approvers the admin-configured rules name
 * (counsellor, dean, student affairs office) decide on the page or from the WeCom card, the student
 * reports back (销假).
 */
package cn.edu.ntvu.workbench.leave;
