/**
 * The contacts callbacks ({@code change_contact}, {@code batch_job_result}) observed from the WeCom
 * callback event.
 */
package cn.edu.ntvu.workbench.contacts.interfaces.wecom;
