package cn.edu.ntvu.workbench.platform.security;

/** How a person signed in; recorded with each session and in the audit log. */
public enum SignInPath {
  /** Silent WeCom OAuth inside the WeCom browser. */
  WECOM,
  /** The school's unified identity platform (统一身份认证). */
  CAS,
  /** The development sign-in page (dev mode only). */
  DEV
}
