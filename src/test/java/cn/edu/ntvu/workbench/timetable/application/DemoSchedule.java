package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo term of src/main/resources/demo as plain values: 2026-2027-1 from 7 September, 18 weeks,
 * 国庆节 1–7 October with make-up Saturdays 26 September (follows 6 October) and 10 October (follows 7
 * October), summer times in September and winter times from October (periods 5–6 move from 14:00 to
 * 13:30).
 */
public final class DemoSchedule {
  public static final Term TERM = new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18);

  public static final TermSchedule SCHEDULE =
      new TermSchedule(
          1L,
          new AcademicCalendar(
              TERM,
              IntStream.rangeClosed(1, 7)
                  .mapToObj(d -> new Holiday(LocalDate.of(2026, 10, d), "国庆节"))
                  .toList(),
              List.of(
                  new MakeUpDay(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 6), "调休"),
                  new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 7), "调休"))),
          new PeriodTimeTable(
              List.of(
                  set("夏季", "2026-09-01", "2026-09-30", "14:00"),
                  set("冬季", "2026-10-01", "2027-01-31", "13:30"))));

  private DemoSchedule() {}

  private static PeriodTimeSet set(String name, String from, String to, String afternoon) {
    LocalTime pm = LocalTime.parse(afternoon);
    List<PeriodTime> periods =
        List.of(
            new PeriodTime(1, LocalTime.of(8, 0), LocalTime.of(8, 45)),
            new PeriodTime(2, LocalTime.of(8, 55), LocalTime.of(9, 40)),
            new PeriodTime(3, LocalTime.of(10, 0), LocalTime.of(10, 45)),
            new PeriodTime(4, LocalTime.of(10, 55), LocalTime.of(11, 40)),
            new PeriodTime(5, pm, pm.plusMinutes(45)),
            new PeriodTime(6, pm.plusMinutes(55), pm.plusMinutes(100)),
            new PeriodTime(7, pm.plusMinutes(120), pm.plusMinutes(165)),
            new PeriodTime(8, pm.plusMinutes(175), pm.plusMinutes(220)));
    return new PeriodTimeSet(name, LocalDate.parse(from), LocalDate.parse(to), periods);
  }

  /** A meeting of class 2401000 taught by teacher 10702, numbered by its course code's digits. */
  public static TimetableEntry meeting(
      String code, String name, DayOfWeek day, int first, int length, WeekPattern weeks) {
    return new TimetableEntry(
        "ZF",
        Integer.parseInt(code.substring(1)),
        code,
        name,
        List.of("10702"),
        "龙诺",
        "3号教学楼507",
        day,
        new PeriodRange(first, length),
        weeks,
        List.of("2401000"));
  }
}
