package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.util.Collection;
import java.util.Optional;

/**
 * Who may see which timetable. Everyone sees their own: a student their class's meetings and their
 * electives, staff what they teach. A class's timetable is open to its counsellor (辅导员), to the
 * dean (院系领导) of its department and to admins; to a student only their own class's. Nobody else
 * gets a class's timetable or a meeting's details.
 */
public final class TimetablePolicy {
  private TimetablePolicy() {}

  public static TimetableOwner own(SignedInUser user) {
    return user.isStudent()
        ? new TimetableOwner.Student(user.account(), user.classCode())
        : new TimetableOwner.Teacher(user.account());
  }

  /**
   * Only counsellors and deans have classes in their care; nobody else needs that question asked.
   */
  public static boolean looksAfterClasses(SignedInUser user) {
    return user.has(Role.COUNSELLOR) || user.has(Role.DEAN);
  }

  /**
   * The class {@code code} if {@code user} may open its timetable, given the classes in their care;
   * admins may open any class, also one the directory does not know yet (the timetable may arrive
   * first).
   *
   * @param known the class as the directory knows it, if it does
   */
  public static Optional<ClassRef> openableClass(
      SignedInUser user, String code, Collection<ClassRef> inCare, Optional<ClassRef> known) {
    if (user.has(Role.ADMIN)) {
      return Optional.of(known.orElse(new ClassRef(code, code)));
    }
    if (user.isStudent() && code.equals(user.classCode())) {
      return Optional.of(new ClassRef(code, user.unitName()));
    }
    return inCare.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Whether the meeting is in {@code user}'s own timetable, as far as the meeting itself tells. */
  public static boolean isOwn(SignedInUser user, TimetableEntry meeting) {
    return user.isStudent()
        ? user.classCode() != null && meeting.classCodes().contains(user.classCode())
        : meeting.teacherAccounts().contains(user.account());
  }

  /**
   * Whether {@code user} may open a meeting's details: it is in their own timetable ({@code
   * attendsIndividually} for a student's elective) or in that of a class they may open.
   */
  public static boolean maySee(
      SignedInUser user,
      TimetableEntry meeting,
      boolean attendsIndividually,
      Collection<ClassRef> inCare) {
    if (user.has(Role.ADMIN) || isOwn(user, meeting) || (user.isStudent() && attendsIndividually)) {
      return true;
    }
    return inCare.stream().anyMatch(c -> meeting.classCodes().contains(c.code()));
  }
}
