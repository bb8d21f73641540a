package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import java.util.List;

/**
 * Who decides a step, from the directory tables (read only): the class's counsellor and anyone
 * granted COUNSELLOR for the class; the deans of the student's department, or of the nearest
 * department above it that has one; everyone with the STUDENT_AFFAIRS role. Only active people.
 * Empty when the directory has nobody.
 */
public interface ApproverDirectory {
  List<String> approvers(ApproverRole role, String studentAccount);

  /** The fallback: {@code account} when the directory knows them as active, else every admin. */
  List<String> fallback(String account);
}
