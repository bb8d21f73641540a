package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.attendance.application.LeaveExcusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A leave finally approved after a roll call (issue 19, item 6): hands the approved interval to
 * attendance, which turns the student's 缺勤 into 请假 and tells the teachers; and the reverse — a
 * leave withdrawn or cancelled after approval turns the 请假 it set back into 缺勤 for the whole leave,
 * an early 销假 only for the meetings from the return on. Runs synchronously inside the deciding
 * transaction, so the marks change with the approval or not at all. Lives here, not in attendance,
 * because leave already depends on attendance ({@link LeaveExcusedAbsences}) and LayeringTest
 * forbids contexts depending on each other both ways.
 */
@ApplicationScoped
public class AttendanceExcusals {
  @Inject LeaveExcusals excusals;

  void on(@Observes LeaveOutcome o) {
    switch (o.what()) {
      case FINALLY_APPROVED, EXTENDED ->
          excusals.excuse(
              o.requestId(), o.studentAccount(), o.studentName(), o.typeName(), o.start(), o.end());
      case WITHDRAWN_AFTER_APPROVAL, CANCELLED_AFTER_APPROVAL ->
          excusals.unexcuse(
              o.requestId(),
              o.studentAccount(),
              o.studentName(),
              o.typeName(),
              null,
              o.what() == LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL ? "WITHDRAWN" : "CANCELLED");
      case RETURNED_EARLY ->
          excusals.unexcuse(
              o.requestId(),
              o.studentAccount(),
              o.studentName(),
              o.typeName(),
              o.from(),
              "RETURNED_EARLY");
    }
  }
}
