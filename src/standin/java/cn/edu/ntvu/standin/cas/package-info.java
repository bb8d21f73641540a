/**
 * The school's CAS server (统一身份认证) for development, speaking the CAS protocol the app's pac4j
 * client speaks to the real one (see cas-notes): {@code /cas/login?service=…} shows the demo people
 * and redirects back with a single-use service ticket, {@code /cas/p3/serviceValidate} (CAS 3.0)
 * and {@code /cas/serviceValidate} (2.0) validate it for the service it was issued to, {@code
 * /cas/logout} sends a back-channel logout request for every ticket the browser got and returns to
 * {@code service}. Unlike a real CAS it asks no password and keeps no single sign-on (each sign-in
 * shows the page, so switching people is one tap); services must be on the app's public base URL,
 * as a registered service is.
 */
package cn.edu.ntvu.standin.cas;
