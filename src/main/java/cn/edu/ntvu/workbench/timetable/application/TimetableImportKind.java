package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.imports.ColumnSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which academic-affairs file an admin uploads. Import order: terms, period times and calendar
 * first, then the timetable files, whose weeks and periods are checked against them. The name is
 * stored in {@code import_batch.kind}.
 */
public enum TimetableImportKind {
  /** 学期: term, week1_monday, weeks. */
  TERM(
      new ColumnSpec(
          List.of("term", "week1_monday", "weeks"),
          Set.of("term", "week1_monday", "weeks"),
          Map.of(
              "学期",
              "term",
              "学年学期",
              "term",
              "第1周周一",
              "week1_monday",
              "开学日期",
              "week1_monday",
              "周数",
              "weeks",
              "教学周数",
              "weeks"))),
  /** 作息时间: set (夏季/冬季), valid_from, valid_to, period, start, end. */
  PERIOD_TIMES(
      new ColumnSpec(
          List.of("set", "valid_from", "valid_to", "period", "start", "end"),
          Set.of("set", "valid_from", "valid_to", "period", "start", "end"),
          Map.of(
              "作息时间表",
              "set",
              "作息",
              "set",
              "开始日期",
              "valid_from",
              "起始日期",
              "valid_from",
              "结束日期",
              "valid_to",
              "节次",
              "period",
              "开始时间",
              "start",
              "结束时间",
              "end"))),
  /** 校历: date, kind (holiday/makeup), follows_date, note. */
  CALENDAR(
      new ColumnSpec(
          List.of("date", "kind", "follows_date", "note"),
          Set.of("date", "kind", "follows_date"),
          Map.of(
              "日期",
              "date",
              "类型",
              "kind",
              "上哪天的课",
              "follows_date",
              "调至",
              "follows_date",
              "备注",
              "note",
              "说明",
              "note"))),
  /** 正方-style text export; {@code students} (optional) lists individual students of electives. */
  TIMETABLE_ZF(
      new ColumnSpec(
          List.of(
              "term",
              "course_code",
              "course_name",
              "teacher_account",
              "teacher_name",
              "weekday",
              "periods",
              "weeks",
              "room",
              "classes",
              "students"),
          Set.of(
              "term",
              "course_code",
              "course_name",
              "teacher_account",
              "weekday",
              "periods",
              "weeks"),
          Map.ofEntries(
              Map.entry("学年学期", "term"),
              Map.entry("学期", "term"),
              Map.entry("课程号", "course_code"),
              Map.entry("课程代码", "course_code"),
              Map.entry("课程名称", "course_name"),
              Map.entry("课程名", "course_name"),
              Map.entry("教师工号", "teacher_account"),
              Map.entry("任课教师工号", "teacher_account"),
              Map.entry("教师姓名", "teacher_name"),
              Map.entry("任课教师", "teacher_name"),
              Map.entry("星期", "weekday"),
              Map.entry("上课星期", "weekday"),
              Map.entry("节次", "periods"),
              Map.entry("上课节次", "periods"),
              Map.entry("周次", "weeks"),
              Map.entry("上课周次", "weeks"),
              Map.entry("起止周", "weeks"),
              Map.entry("教室", "room"),
              Map.entry("上课地点", "room"),
              Map.entry("上课教室", "room"),
              Map.entry("班级", "classes"),
              Map.entry("上课班级", "classes"),
              Map.entry("教学班组成", "classes"),
              Map.entry("学生", "students"),
              Map.entry("选课学生", "students")))),
  /** 金智-style export with week bitmaps; {@code XH} (optional) lists individual students. */
  TIMETABLE_WISEDU(
      new ColumnSpec(
          List.of(
              "xnxqdm", "kch", "kcm", "skjs", "skxq", "ksjc", "jsjc", "skzc", "jasmc", "bjdm",
              "xh"),
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

  /**
   * The kind stored in {@code import_batch.kind}, or empty when the batch belongs to another
   * import.
   */
  static java.util.Optional<TimetableImportKind> fromBatchKind(String kind) {
    for (TimetableImportKind k : values()) {
      if (k.name().equals(kind)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
