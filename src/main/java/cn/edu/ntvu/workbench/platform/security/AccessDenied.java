package cn.edu.ntvu.workbench.platform.security;

/**
 * The caller may not do this: they lack the role or person kind the action needs, or nobody is
 * signed in. A {@link SecurityException}, so that pages answer it with the 403 page (Faces'
 * exception handler and the servlets map it), never with the error page.
 */
public class AccessDenied extends SecurityException {
  private static final long serialVersionUID = 1L;

  public AccessDenied(String message) {
    super(message);
  }
}
