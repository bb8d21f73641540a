package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.PublishScope;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a member of staff may publish a form to without {@code forms.publish-any}, read from the
 * directory as it is now (never from the session's copy): their own units and the people in them.
 *
 * <ul>
 *   <li>Their departments: the one they belong to and every one a role of theirs is scoped to (a
 *       dean's), each with its sub-departments — but never a top-level department (one without a
 *       parent), which is the whole school.
 *   <li>Their classes: the ones they are counsellor of (on the class, or through a grant scoped to
 *       it) and every class of their departments. "The students of my classes" is always theirs.
 *   <li>A named person in those departments or classes (students through their class), or
 *       themselves.
 *   <li>Never a role: a role line asks everybody holding it, school-wide.
 * </ul>
 *
 * Classes a teacher only teaches (the timetable) are not counted: their counsellor, or the grant,
 * reaches them.
 */
@ApplicationScoped
public class SqlPublishScope implements PublishScope {
  private static final Set<PickKind> ALL = EnumSet.allOf(PickKind.class);

  @Inject DirectorySearch directory;

  /**
   * Whether {@code rule} asks only people within {@code publisher}'s own departments and classes:
   * the picker's rule ({@link PickScope#ownUnitsOf}), so what the builder offers and what
   * publishing accepts are the same query.
   */
  public boolean within(AudienceRule rule, String publisher) {
    PickScope own = PickScope.ownUnitsOf(publisher, ALL);
    return switch (rule.kind()) {
      case MY_CLASSES -> true;
      case ROLE -> false;
      case DEPARTMENT -> directory.find(PickKind.DEPARTMENT, rule.value(), own).isPresent();
      case CLASS -> directory.find(PickKind.CLASS, rule.value(), own).isPresent();
      case PERSON ->
          publisher.equals(rule.value())
              || directory.find(PickKind.PERSON, rule.value(), own).isPresent();
    };
  }
}
