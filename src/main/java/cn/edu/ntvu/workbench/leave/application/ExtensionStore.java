package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ExtensionRule;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 续假 in SQL ({@code leave_extension}, {@code leave_extension_rule}, {@code
 * leave_step.extension_id}, {@code leave_request.original_end}), in the caller's transaction;
 * changes of one request run under its row lock ({@link LeaveStore#lockRequest}).
 */
public interface ExtensionStore {
  List<ExtensionRule> rules();

  long insertRule(ExtensionRule rule);

  int deleteRule(long id);

  /** The request's extensions, first first. */
  List<ExtensionRow> of(long requestId);

  /** A new extension; empty when this form's token made one already (a double tap, a retry). */
  OptionalLong insert(
      long requestId,
      int seq,
      LocalDateTime oldEnd,
      LocalDateTime newEnd,
      long minutes,
      BigDecimal days,
      String reason,
      Long ruleId,
      int firstStep,
      int stepCount,
      String token,
      LocalDateTime now);

  OptionalLong byToken(long requestId, String token);

  /** Marks the request's step {@code stepNo} as the extension's. */
  int markStep(long requestId, int stepNo, long extensionId);

  /** The highest step number of the request (its own and its extensions'). */
  int lastStepNo(long requestId);

  /** A pending extension becomes {@code status}; 0 when it was not pending. */
  int close(long extensionId, String status, LocalDateTime now);

  /**
   * An approved extension moves the approved request's end from {@code oldEnd} to {@code newEnd}
   * (its length recomputed, the original end kept once, the overdue flag cleared); 0 when the
   * request is no longer approved or its end moved meanwhile.
   */
  int extendRequest(
      long requestId, LocalDateTime oldEnd, LocalDateTime newEnd, long minutes, BigDecimal days);

  /** The leave's end before any extension (null when never extended). */
  Optional<LocalDateTime> originalEnd(long requestId);
}
