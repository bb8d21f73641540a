package cn.edu.ntvu.workbench.leave.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.edu.ntvu.workbench.leave.application.TeacherNoticePreferences;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 我的账号's 学生请假通知: staff set their own choice; a student's forged POST changes nothing. */
class TeacherNoticesSectionTest {
  final Map<String, Boolean> stored = new HashMap<>();

  TeacherNoticesSection as(SignedInUser user) {
    TeacherNoticesSection s = new TeacherNoticesSection();
    s.me =
        new CurrentUser() {
          @Override
          public SignedInUser get() {
            return user;
          }

          @Override
          public String getAccount() {
            return user.account();
          }
        };
    s.preferences =
        new TeacherNoticePreferences() {
          @Override
          public boolean wantsDigest(String account) {
            return stored.getOrDefault(account, false);
          }

          @Override
          public void choose(String account, boolean digest) {
            stored.put(account, digest);
          }
        };
    return s;
  }

  @Test
  void aTeacherChoosesTheDigestForThemselfOnly() {
    TeacherNoticesSection s = as(TestUsers.TEACHER.asSignedIn(PersonKind.STAFF, Set.of()));
    assertTrue(s.isShown());
    assertEquals("perRequest", s.getChoice());
    s.setChoice("digest");
    s.save();
    assertEquals(Map.of("10004", true), stored);
    assertTrue(s.isSaved());
    assertEquals(
        "digest", as(TestUsers.TEACHER.asSignedIn(PersonKind.STAFF, Set.of())).getChoice());
    // anything else posted is the default
    TeacherNoticesSection again = as(TestUsers.TEACHER.asSignedIn(PersonKind.STAFF, Set.of()));
    again.setChoice("everyone");
    again.save();
    assertEquals(Map.of("10004", false), stored);
  }

  @Test
  void aStudentsForgedPostChangesNothing() {
    TeacherNoticesSection s = as(TestUsers.STUDENT.asSignedIn(PersonKind.STUDENT, Set.of()));
    assertFalse(s.isShown());
    s.setChoice("digest");
    s.save();
    assertTrue(stored.isEmpty());
    assertFalse(s.isSaved());
  }
}
