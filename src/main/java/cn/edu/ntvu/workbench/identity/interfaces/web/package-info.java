/**
 * Sign-in and sign-out over HTTP: the WeCom OAuth round trip, CAS through pac4j, the session guard.
 */
package cn.edu.ntvu.workbench.identity.interfaces.web;
