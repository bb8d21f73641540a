package cn.edu.ntvu.workbench.forms.application;

/**
 * The person may not do this to this form (not an owner, not in the audience, no such form): the
 * page answers 403.
 */
public class FormAccessDenied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FormAccessDenied(String message) {
    super(message);
  }
}
