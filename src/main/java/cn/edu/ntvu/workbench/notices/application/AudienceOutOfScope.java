package cn.edu.ntvu.workbench.notices.application;

/**
 * A post naming an audience outside what the sender may reach through the people-and-groups picker,
 * which never offers it: a forged post, answered 403 with one sentence, nothing stored.
 */
public class AudienceOutOfScope extends NoticeAccessDenied {
  private static final long serialVersionUID = 1L;

  public AudienceOutOfScope(String what) {
    super("audience outside the sender's scope: " + what);
  }
}
