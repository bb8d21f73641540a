/**
 * A stand-in for the WeCom server, for development mode only ({@code app.mode=dev}). It answers
 * {@code /rest/standin/wecom/cgi-bin/gettoken} and {@code …/cgi-bin/auth/getuserinfo} with the same
 * JSON shapes and error codes as WeCom (wecom-api-notes §1.2, §2.4), so that the real client runs
 * unchanged with {@code wecom.api-base-url = <public-base-url>/rest/standin/wecom}.
 *
 * <p>It also answers {@code …/cgi-bin/message/send} and {@code …/cgi-bin/message/update_template_card} as §5 describes
 * ({@link cn.edu.ntvu.workbench.wecom.standin.StandInMessaging}) and keeps every message it received in table {@code
 * standin_wecom_message}, shown per person at {@code /dev/wecom-inbox.xhtml}.
 *
 * <p>Contacts (通讯录, §6) are answered by {@link cn.edu.ntvu.workbench.wecom.standin.StandInContacts} from tables {@code
 * standin_wecom_department|user|media|job}: only a token of the contacts-sync secret may call them, batch jobs run in
 * the background with WeCom's deletion safety stop, and {@code _contacts} plays members joining or being disabled.
 *
 * <p>Issued tokens and OAuth codes live in table {@code standin_wecom_grant}, so several servers
 * agree. Fault injection, call counters ({@code _control}) and the per-member counting lock live in the memory of each
 * server: a
 * test that uses them must talk to one server.
 */
package cn.edu.ntvu.workbench.wecom.standin;
