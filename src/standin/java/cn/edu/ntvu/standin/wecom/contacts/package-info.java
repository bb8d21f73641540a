/**
 * WeCom's contacts (通讯录) as the stand-in plays them (wecom-api-notes §6), kept in tables {@code
 * wecom_department}, {@code wecom_user}, {@code wecom_media} and {@code wecom_job} so that several
 * servers and restarts agree. Split by reason to change: {@link
 * cn.edu.ntvu.standin.wecom.contacts.StandInContacts} checks the token and dispatches, {@link
 * cn.edu.ntvu.standin.wecom.contacts.ContactDepartments} and {@link
 * cn.edu.ntvu.standin.wecom.contacts.ContactMembers} hold the field rules of departments and
 * members, {@link cn.edu.ntvu.standin.wecom.contacts.ContactBatchJobs} the uploaded files and the
 * replace jobs with WeCom's deletion safety stop, {@link
 * cn.edu.ntvu.standin.wecom.contacts.ContactEvents} the events WeCom posts to the app.
 */
package cn.edu.ntvu.standin.wecom.contacts;
