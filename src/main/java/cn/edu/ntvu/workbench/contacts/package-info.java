/**
 * Contacts sync (通讯录同步, issue 6): the directory is the source of truth and is pushed to WeCom
 * contacts (docs/wecom-api.md §6) — the contacts API calls, the diff and its conflicts, persisted
 * sync runs claimed once across servers, the {@code change_contact}/{@code batch_job_result}
 * callbacks, 我的账号 and the admin pages.
 */
package cn.edu.ntvu.workbench.contacts;
