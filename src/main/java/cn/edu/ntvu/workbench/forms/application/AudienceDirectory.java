package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a form's audience lines to people, from the directory tables (read only; active people
 * only): a department with its sub-departments (staff by their department, students by their
 * class's), the students of a class, the holders of a role (students also by being students), a
 * named person, and for a counsellor the students of the classes they look after (as class
 * counsellor or through a COUNSELLOR grant on the class).
 */
public interface AudienceDirectory {
  /**
   * Everyone the lines name, once each, ordered by unit and account; {@code owner} is the one "my
   * classes" means.
   */
  List<Recipient> resolve(List<AudienceRule> rules, String owner);

  /** The name of what a line points at, or empty when the directory does not know it (a typo). */
  Optional<String> describe(AudienceRule r);

  /**
   * Whether {@code account} is a student (co-owners must be staff: they see every answer and the
   * not-filled list).
   */
  boolean isStudent(String account);

  /**
   * Active people by account (for co-owners): the accounts the directory knows, with their names.
   */
  Optional<String> activeName(String account);
}
