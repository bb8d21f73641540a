package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;

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
public interface PublishScope {
  /**
   * Whether {@code rule} asks only people within {@code publisher}'s own departments and classes.
   */
  boolean within(AudienceRule rule, String publisher);
}
