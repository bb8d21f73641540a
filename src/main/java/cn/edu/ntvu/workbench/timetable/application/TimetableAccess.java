package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link TimetablePolicy} with what it needs from the directory and the timetable, asking
 * the database only when the signed-in snapshot cannot answer (at most one query per question).
 */
@ApplicationScoped
public class TimetableAccess {
  @Inject DirectoryQueries directory;
  @Inject TimetableQueryService queries;

  /**
   * The classes {@code user} looks after, by code; none (and no query) for anyone but counsellors
   * and deans.
   */
  public List<ClassRef> classesInCare(SignedInUser user) {
    return TimetablePolicy.looksAfterClasses(user)
        ? directory.classesInCareOf(user.personId())
        : List.of();
  }

  /** The timetable of class {@code code}, if {@code user} may open it. */
  public Optional<TimetableOwner> classTimetable(SignedInUser user, String code) {
    boolean admin = user.has(Role.ADMIN);
    boolean ownClass = user.isStudent() && code.equals(user.classCode());
    return TimetablePolicy.openableClass(
            user,
            code,
            admin || ownClass ? List.of() : classesInCare(user),
            admin ? directory.findClass(code) : Optional.empty())
        .map(TimetableOwner.ClassGroup::new);
  }

  /** Whether {@code user} may open the details of {@code meeting} of term {@code termId}. */
  public boolean maySee(SignedInUser user, long termId, TimetableEntry meeting) {
    if (user.has(Role.ADMIN) || TimetablePolicy.isOwn(user, meeting)) {
      return true;
    }
    boolean attends =
        user.isStudent()
            && queries.attendsIndividually(
                termId, meeting.source(), meeting.meetingNo(), user.account());
    return TimetablePolicy.maySee(
        user, meeting, attends, attends ? List.of() : classesInCare(user));
  }
}
