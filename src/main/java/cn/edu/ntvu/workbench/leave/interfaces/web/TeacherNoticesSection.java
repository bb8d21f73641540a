package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.TeacherNoticePreferences;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The 学生请假通知 section of 我的账号 ({@code /account/index.xhtml}): a teacher chooses one message per
 * approved leave (the default) or the daily 07:30 digest. Only for staff, and only their own
 * choice: the account is the signed-in person's, never a request parameter; a student's POST
 * changes nothing.
 */
@Named("teacherNotices")
@RequestScoped
public class TeacherNoticesSection {
  static final String PER_REQUEST = "perRequest";
  static final String DIGEST = "digest";

  @Inject CurrentUser me;
  @Inject TeacherNoticePreferences preferences;

  private String choice;
  private boolean saved;

  /** Staff see the section (students are not told of leaves as teachers). */
  public boolean isShown() {
    SignedInUser u = me.get();
    return u != null && !u.isStudent();
  }

  public String getChoice() {
    if (choice == null) {
      choice = isShown() && preferences.wantsDigest(me.getAccount()) ? DIGEST : PER_REQUEST;
    }
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = DIGEST.equals(choice) ? DIGEST : PER_REQUEST;
  }

  public boolean isSaved() {
    return saved;
  }

  /** Saves the signed-in staff member's own choice; refuses (changes nothing for) students. */
  public String save() {
    if (!isShown()) {
      return null;
    }
    preferences.choose(me.getAccount(), DIGEST.equals(getChoice()));
    saved = true;
    return null;
  }
}
