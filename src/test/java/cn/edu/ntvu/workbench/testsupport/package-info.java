/**
 * Starts and stops the real parts around the app for integration tests: an embedded MariaDB, an
 * Apereo CAS server, the packaged WAR on Payara Micro, and a headless Chromium. Test scope only;
 * none of this is ever packaged in the WAR.
 */
package cn.edu.ntvu.workbench.testsupport;
