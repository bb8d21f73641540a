/**
 * The development stand-in for WeCom and for the school's CAS server: a web application of its own
 * ({@code target/wecom-standin.war}, deployed beside the app at {@code /wecom-standin} by the run
 * command and the tests, never in production). The app reaches it only over HTTP, through {@code
 * wecom.api-base-url}, {@code wecom.authorize-url} and {@code cas.url}, exactly as it reaches the
 * real services; nothing here is on the app's class path and nothing of the app is on this one.
 *
 * <ul>
 *   <li>{@code wecom}: the server API ({@code /cgi-bin/…}) as wecom-api-notes describes it, the
 *       OAuth authorize screen ({@code /connect/oauth2/authorize}), the inbox page and the test
 *       controls ({@code /_control});
 *   <li>{@code wecom.contacts}: contacts (通讯录) and {@code /_contacts};
 *   <li>{@code wecom.callback}: WeCom's servers calling the app's callback URL, and {@code
 *       /_callback};
 *   <li>{@code cas}: the school's CAS for development: {@code /cas/login} lists the demo people,
 *       {@code /cas/p3/ serviceValidate}, {@code /cas/serviceValidate}, {@code /cas/logout} with
 *       back-channel logout;
 *   <li>{@code school}: who the school's people are, read from the app's seed folder ({@code
 *       app.seed-dir}), for the sign-in screens' list of demo people and WeCom's membership.
 * </ul>
 *
 * State lives in the stand-in's own database ({@link cn.edu.ntvu.standin.StandInDatabase}); faults
 * and call counters live in the memory of each server, so a test that uses them must talk to one
 * server.
 */
package cn.edu.ntvu.standin;
