package cn.edu.ntvu.workbench.notices.application;

/** The person may not see or do this (answered 403 with one sentence). */
public class NoticeAccessDenied extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoticeAccessDenied(String why) {
    super(why);
  }
}
