package cn.edu.ntvu.workbench.forms.application;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * One response with its answers by question id. On anonymous forms account, name, unit and time are
 * null: they are not stored.
 */
public record ResponseRow(
    long id,
    String account,
    String name,
    String unitName,
    LocalDateTime submittedAt,
    LocalDateTime updatedAt,
    Map<Long, StoredAnswer> answers)
    implements Serializable {}
