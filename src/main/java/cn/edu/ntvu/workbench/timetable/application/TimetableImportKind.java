package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.identity.infrastructure.imports.ColumnSpec;
import java.util.List;
import java.util.Set;

/**
 * Which academic-affairs file an admin uploads. Import order: terms, period times and calendar first, then the
 * timetable files, whose weeks and periods are checked against them. The name is stored in {@code
 * import_batch.kind}.
 */
public enum TimetableImportKind {
  /** 学期: term, week1_monday, weeks. */
  TERM(new ColumnSpec(List.of("term", "week1_monday", "weeks"), Set.of("term", "week1_monday", "weeks"))),
  /** 作息时间: set (夏季/冬季), valid_from, valid_to, period, start, end. */
  PERIOD_TIMES(
      new ColumnSpec(
          List.of("set", "valid_from", "valid_to", "period", "start", "end"),
          Set.of("set", "valid_from", "valid_to", "period", "start", "end"))),
  /** 校历: date, kind (holiday/makeup), follows_date, note. */
  CALENDAR(
      new ColumnSpec(List.of("date", "kind", "follows_date", "note"), Set.of("date", "kind", "follows_date"))),
  /** 正方-style text export; {@code students} (optional) lists individual students of electives. */
  TIMETABLE_ZF(
      new ColumnSpec(
          List.of(
              "term", "course_code", "course_name", "teacher_account", "teacher_name", "weekday", "periods",
              "weeks", "room", "classes", "students"),
          Set.of("term", "course_code", "course_name", "teacher_account", "weekday", "periods", "weeks"))),
  /** 金智-style export with week bitmaps; {@code XH} (optional) lists individual students. */
  TIMETABLE_WISEDU(
      new ColumnSpec(
          List.of("xnxqdm", "kch", "kcm", "skjs", "skxq", "ksjc", "jsjc", "skzc", "jasmc", "bjdm", "xh"),
          Set.of("xnxqdm", "kch", "kcm", "skjs", "skxq", "ksjc", "jsjc", "skzc")));

  private final ColumnSpec columns;

  TimetableImportKind(ColumnSpec columns) {
    this.columns = columns;
  }

  public ColumnSpec columns() {
    return columns;
  }

  public boolean isTimetable() {
    return this == TIMETABLE_ZF || this == TIMETABLE_WISEDU;
  }

  /** The kind stored in {@code import_batch.kind}, or empty when the batch belongs to another import. */
  static java.util.Optional<TimetableImportKind> fromBatchKind(String kind) {
    for (TimetableImportKind k : values()) {
      if (k.name().equals(kind)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
