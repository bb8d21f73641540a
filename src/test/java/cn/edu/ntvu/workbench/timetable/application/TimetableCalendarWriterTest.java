package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.application.ICalendarCheck.Slot;
import cn.edu.ntvu.workbench.timetable.application.TimetableCalendarWriter.TermMeetings;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The calendar feed against the timetable itself: parsed and validated by ical4j, every meeting's
 * events expanded by ical4j give exactly the dates and clock times that {@link
 * AcademicCalendar#resolve} and the period times give day by day — across holidays, make-up days,
 * odd/even and irregular weeks and a 夏季→冬季 switch.
 */
class TimetableCalendarWriterTest {
  static final Instant STAMP = Instant.parse("2026-11-25T03:05:00Z");

  // ---- fixture: the demo term's calendar plus New Year, and a spring term with a May switch
  // ------------------

  static final Term AUTUMN = new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18);
  static final Term SPRING = new Term("2026-2027-2", LocalDate.of(2027, 3, 1), 18);

  static PeriodTimeSet set(String name, LocalDate from, LocalDate to, String afternoon) {
    List<PeriodTime> p = new ArrayList<>();
    String[] morning = {"08:00-08:45", "08:55-09:40", "10:00-10:45", "10:55-11:40"};
    String[] rest =
        afternoon.equals("summer")
            ? new String[] {
              "14:00-14:45",
              "14:55-15:40",
              "16:00-16:45",
              "16:55-17:40",
              "19:00-19:45",
              "19:55-20:40"
            }
            : new String[] {
              "13:30-14:15",
              "14:25-15:10",
              "15:30-16:15",
              "16:25-17:10",
              "18:30-19:15",
              "19:25-20:10"
            };
    int n = 1;
    for (String s : morning) {
      p.add(period(n++, s));
    }
    for (String s : rest) {
      p.add(period(n++, s));
    }
    return new PeriodTimeSet(name, from, to, p);
  }

  private static PeriodTime period(int n, String range) {
    String[] t = range.split("-");
    return new PeriodTime(n, LocalTime.parse(t[0]), LocalTime.parse(t[1]));
  }

  static final PeriodTimeTable TIMES =
      new PeriodTimeTable(
          List.of(
              set("夏季", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), "summer"),
              set("冬季", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 4, 30), "winter"),
              set("2027夏季", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 9, 30), "summer")));

  static AcademicCalendar autumnCalendar() {
    List<Holiday> holidays = new ArrayList<>();
    for (int d = 1; d <= 7; d++) {
      holidays.add(new Holiday(LocalDate.of(2026, 10, d), "国庆节"));
    }
    holidays.add(new Holiday(LocalDate.of(2027, 1, 1), "元旦"));
    return new AcademicCalendar(
        AUTUMN,
        holidays,
        List.of(
            // Saturday in September (summer times) teaching Tuesday 6 October (week 5)
            new MakeUpDay(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 6), "调休: 周六上周二的课"),
            new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 7), "调休: 周六上周三的课"),
            // Saturday of week 18 teaching Friday 1 January (week 17)
            new MakeUpDay(LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 1), "调休: 周六上周五的课")));
  }

  static AcademicCalendar springCalendar() {
    return new AcademicCalendar(
        SPRING,
        List.of(
            new Holiday(LocalDate.of(2027, 4, 5), "清明节"),
            new Holiday(LocalDate.of(2027, 5, 3), "劳动节"),
            new Holiday(LocalDate.of(2027, 5, 4), "劳动节")),
        List.of(new MakeUpDay(LocalDate.of(2027, 4, 25), LocalDate.of(2027, 5, 3), "调休: 周日上周一的课")));
  }

  static TimetableEntry entry(int no, DayOfWeek day, int first, int length, WeekPattern weeks) {
    return new TimetableEntry(
        "ZF",
        no,
        "K" + no,
        "课程" + no,
        List.of("10001"),
        "毛敏",
        "1号教学楼201",
        day,
        new PeriodRange(first, length),
        weeks,
        List.of("2401000"));
  }

  static List<TimetableEntry> autumnEntries() {
    return List.of(
        entry(1, DayOfWeek.MONDAY, 1, 2, WeekPattern.parse("1-16周", 18)),
        entry(2, DayOfWeek.TUESDAY, 5, 2, WeekPattern.parse("1-16周", 18)),
        entry(3, DayOfWeek.WEDNESDAY, 3, 2, WeekPattern.parse("1-15周(单)", 18)),
        entry(4, DayOfWeek.WEDNESDAY, 7, 2, WeekPattern.parse("2-16周(双)", 18)),
        entry(5, DayOfWeek.THURSDAY, 5, 2, WeekPattern.parse("1-8,10,12-16周", 18)),
        entry(6, DayOfWeek.FRIDAY, 9, 2, WeekPattern.parse("1-18周", 18)),
        entry(7, DayOfWeek.THURSDAY, 1, 2, WeekPattern.of(3)),
        entry(8, DayOfWeek.TUESDAY, 5, 3, WeekPattern.parse("2-6周", 18)),
        entry(9, DayOfWeek.MONDAY, 9, 3, WeekPattern.parse("1-16周", 18)),
        entry(10, DayOfWeek.SATURDAY, 1, 2, WeekPattern.parse("1-16周", 18)),
        entry(11, DayOfWeek.FRIDAY, 1, 4, WeekPattern.fromBitmap("101100111000011001", 18)));
  }

  static List<TimetableEntry> springEntries() {
    return List.of(
        entry(1, DayOfWeek.MONDAY, 5, 2, WeekPattern.parse("1-18周", 18)),
        entry(2, DayOfWeek.MONDAY, 1, 2, WeekPattern.parse("9-10周", 18)));
  }

  static ResourceBundle texts(Locale locale) {
    return CalendarSubscriptionService.texts(locale);
  }

  /**
   * What the timetable views show for a meeting: resolve every date, take the period times of that
   * date.
   */
  static Set<Slot> truth(AcademicCalendar calendar, PeriodTimeTable times, TimetableEntry e) {
    Set<Slot> out = new TreeSet<>();
    Term term = calendar.term();
    for (LocalDate d = term.firstDay(); !d.isAfter(term.lastDay()); d = d.plusDays(1)) {
      DayResolution day = calendar.resolve(d);
      if (day.teaching().isPresent() && e.meetsOn(day.teaching().get())) {
        LocalDate date = d;
        times
            .clockTimes(d, e.periods())
            .ifPresent(t -> out.add(new Slot(date.atTime(t.start()), date.atTime(t.end()))));
      }
    }
    return out;
  }

  static void assertEveryMeetingExact(
      ICalendarCheck ics,
      AcademicCalendar calendar,
      PeriodTimeTable times,
      List<TimetableEntry> entries) {
    Term term = calendar.term();
    // a window wider than the term: a rule must not run past it either
    LocalDate from = term.firstDay().minusWeeks(4);
    LocalDate to = term.lastDay().plusWeeks(4);
    for (TimetableEntry e : entries) {
      String prefix = term.code() + "-" + e.source() + "-" + e.meetingNo() + "-";
      assertThat(ics.expand(prefix, from, to))
          .as("meeting %d (%s %s %s)", e.meetingNo(), e.weekday(), e.periods(), e.weeks())
          .containsExactlyElementsOf(truth(calendar, times, e));
    }
  }

  private static String write(List<TermMeetings> terms, Locale locale) {
    return new TimetableCalendarWriter(texts(locale), "workbench.example.edu.cn")
        .write("田芬", terms, STAMP);
  }

  private static TermSchedule schedule(long id, AcademicCalendar calendar) {
    return new TermSchedule(id, calendar, TIMES);
  }

  // ---- tests
  // ---------------------------------------------------------------------------------------------------

  @Test
  void everyMeetingExpandsToExactlyTheClassesTheTimetableShows() throws Exception {
    AcademicCalendar autumn = autumnCalendar();
    AcademicCalendar spring = springCalendar();
    String text =
        write(
            List.of(
                new TermMeetings(schedule(1, autumn), autumnEntries()),
                new TermMeetings(schedule(2, spring), springEntries())),
            Locale.SIMPLIFIED_CHINESE);

    ICalendarCheck ics = ICalendarCheck.parseAndValidate(text);
    ics.assertUniqueUids();
    assertEveryMeetingExact(ics, autumn, TIMES, autumnEntries());
    assertEveryMeetingExact(ics, spring, TIMES, springEntries());
    assertThat(ics.property("VERSION")).isEqualTo("2.0");
    assertThat(ics.property("CALSCALE")).isEqualTo("GREGORIAN");
    assertThat(ics.property("X-WR-CALNAME")).isEqualTo("田芬的课表");
    assertThat(ics.property("X-WR-TIMEZONE")).isEqualTo("Asia/Shanghai");
    assertThat(ics.calendar().getComponents("VTIMEZONE")).hasSize(1);
  }

  @Test
  void theTrickyDaysAreThereAndTheHolidaysAreNot() throws Exception {
    AcademicCalendar autumn = autumnCalendar();
    ICalendarCheck ics =
        ICalendarCheck.parseAndValidate(
            write(
                List.of(new TermMeetings(schedule(1, autumn), autumnEntries())),
                Locale.SIMPLIFIED_CHINESE));
    LocalDate from = AUTUMN.firstDay();
    LocalDate to = AUTUMN.lastDay();

    // Tuesday 5-6: 6 October is a holiday, taught on Saturday 26 September at the September
    // (summer) times
    Set<Slot> tuesday = ics.expand("2026-2027-1-ZF-2-", from, to);
    assertThat(tuesday)
        .hasSize(16)
        .contains(
            new Slot(
                LocalDate.of(2026, 9, 26).atTime(14, 0), LocalDate.of(2026, 9, 26).atTime(15, 40)))
        .contains(
            new Slot(
                LocalDate.of(2026, 10, 13).atTime(13, 30),
                LocalDate.of(2026, 10, 13).atTime(15, 10)))
        .noneMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2026, 10, 6)));
    // Odd-week Wednesday: 7 October (week 5) taught on Saturday 10 October
    assertThat(ics.expand("2026-2027-1-ZF-3-", from, to))
        .hasSize(8)
        .anyMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2026, 10, 10)))
        .noneMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2026, 10, 7)));
    // Even-week Wednesday: week 6 is 14 October, nothing on the 10th (week 5 is odd)
    assertThat(ics.expand("2026-2027-1-ZF-4-", from, to))
        .hasSize(8)
        .noneMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2026, 10, 10)));
    // 1-8,10,12-16周: 14 weeks, less Thursday 1 October (国庆节); none in weeks 9 and 11
    assertThat(ics.expand("2026-2027-1-ZF-5-", from, to))
        .hasSize(13)
        .noneMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2026, 10, 1)))
        .noneMatch(s -> s.start().toLocalDate().equals(AUTUMN.dateOf(9, DayOfWeek.THURSDAY)))
        .noneMatch(s -> s.start().toLocalDate().equals(AUTUMN.dateOf(11, DayOfWeek.THURSDAY)));
    // New Year's Day (Friday, week 17) taught on Saturday 9 January
    assertThat(ics.expand("2026-2027-1-ZF-6-", from, to))
        .anyMatch(s -> s.start().equals(LocalDate.of(2027, 1, 9).atTime(18, 30)))
        .noneMatch(s -> s.start().toLocalDate().equals(LocalDate.of(2027, 1, 1)));
    // periods 11-12 do not exist: no events at all
    assertThat(ics.expand("2026-2027-1-ZF-9-", from, to)).isEmpty();
    // a Saturday meeting meets on the term's Saturdays, except where a make-up Saturday teaches
    // another day
    assertThat(ics.expand("2026-2027-1-ZF-10-", from, to))
        .isNotEmpty()
        .allMatch(s -> s.start().getDayOfWeek() == DayOfWeek.SATURDAY)
        .noneMatch(
            s ->
                autumn.makeUpDays().stream()
                    .anyMatch(m -> m.date().equals(s.start().toLocalDate())));
  }

  @Test
  void recurringEventsAreUsedWhereTheyAreExact() throws Exception {
    AcademicCalendar autumn = autumnCalendar();
    ICalendarCheck ics =
        ICalendarCheck.parseAndValidate(
            write(
                List.of(new TermMeetings(schedule(1, autumn), autumnEntries())),
                Locale.SIMPLIFIED_CHINESE));
    java.util.Map<String, List<VEvent>> byMeeting =
        ics.events().stream()
            .collect(
                Collectors.groupingBy(
                    e -> ICalendarCheck.value(e, "UID").replaceFirst("-\\d{8}@.*", "")));

    // Monday 1-2, 1-16周: the morning is the same in both sets: one series across the switch, 5
    // October excluded
    List<VEvent> monday = byMeeting.get("2026-2027-1-ZF-1");
    assertThat(monday).hasSize(1);
    assertThat(rule(monday.get(0))).isEqualTo("COUNT=16;FREQ=WEEKLY;INTERVAL=1");
    assertThat(ICalendarCheck.value(monday.get(0), "EXDATE")).isEqualTo("20261005T080000");

    // Tuesday 5-6: a September series (summer afternoon), a winter series from 13 October (6
    // October is a
    // holiday), and one make-up event on Saturday 26 September
    List<VEvent> tuesday = byMeeting.get("2026-2027-1-ZF-2");
    assertThat(tuesday)
        .extracting(TimetableCalendarWriterTest::rule)
        .containsExactlyInAnyOrder(
            "COUNT=4;FREQ=WEEKLY;INTERVAL=1", "COUNT=11;FREQ=WEEKLY;INTERVAL=1", "");
    assertThat(tuesday)
        .extracting(e -> ICalendarCheck.value(e, "DTSTART"))
        .containsExactlyInAnyOrder("20260908T140000", "20261013T133000", "20260926T140000");
    VEvent makeUp =
        tuesday.stream().filter(e -> e.getProperty("RRULE").isEmpty()).findFirst().orElseThrow();
    assertThat(ICalendarCheck.value(makeUp, "DTSTART")).isEqualTo("20260926T140000");
    assertThat(ICalendarCheck.value(makeUp, "DESCRIPTION")).contains("调休：上星期二（2026-10-06）的课");

    // odd weeks, periods 3-4 (same in both sets): one series every other week, 7 October excluded
    // and taught on
    // Saturday 10 October instead
    List<VEvent> odd = byMeeting.get("2026-2027-1-ZF-3");
    assertThat(odd)
        .extracting(TimetableCalendarWriterTest::rule)
        .containsExactlyInAnyOrder("COUNT=8;FREQ=WEEKLY;INTERVAL=2", "");
    assertThat(odd).extracting(e -> ICalendarCheck.value(e, "EXDATE")).contains("20261007T100000");
    // even weeks, periods 7-8 (summer and winter differ): two series every other week
    assertThat(byMeeting.get("2026-2027-1-ZF-4"))
        .extracting(TimetableCalendarWriterTest::rule)
        .containsExactlyInAnyOrder(
            "COUNT=2;FREQ=WEEKLY;INTERVAL=2", "COUNT=6;FREQ=WEEKLY;INTERVAL=2");
    // a single week: a single event
    assertThat(byMeeting.get("2026-2027-1-ZF-7")).hasSize(1);
    assertThat(byMeeting.get("2026-2027-1-ZF-7").get(0).getProperty("RRULE")).isEmpty();
  }

  /**
   * The RRULE's parts in name order (ical4j writes them back in its own order), or "" for a single
   * event.
   */
  static String rule(VEvent e) {
    String r = ICalendarCheck.value(e, "RRULE");
    return r == null
        ? ""
        : java.util.Arrays.stream(r.split(";")).sorted().collect(Collectors.joining(";"));
  }

  @Test
  void theDemoTermsEveryMeetingIsExact() throws Exception {
    DemoTerm demo = DemoTerm.load();
    AcademicCalendar calendar = demo.calendar();
    List<TimetableEntry> entries = demo.entries();
    assertThat(entries).hasSizeGreaterThan(40);

    String text =
        write(
            List.of(new TermMeetings(new TermSchedule(1, calendar, demo.periodTimes()), entries)),
            Locale.ENGLISH);
    ICalendarCheck ics = ICalendarCheck.parseAndValidate(text);
    ics.assertUniqueUids();
    assertEveryMeetingExact(ics, calendar, demo.periodTimes(), entries);
    assertThat(ics.property("X-WR-CALNAME")).isEqualTo("Timetable of 田芬");
  }

  @Test
  void longChineseTextAndSpecialCharactersSurviveFoldingAndEscaping() throws Exception {
    String name = "高等数学（上）；含分号;逗号,反斜杠\\和换行\n第二行——这是一个非常非常长的课程名称，用来检查折行时不会把一个汉字拆成两半" + "😀表情也一样";
    String room = "图书馆报告厅,东区;3楼\\B";
    TimetableEntry e =
        new TimetableEntry(
            "WISEDU",
            7,
            "K,;\\1",
            name,
            List.of("10001", "10002"),
            "毛敏,尹超",
            room,
            DayOfWeek.MONDAY,
            new PeriodRange(1, 2),
            WeekPattern.parse("1-4周", 18),
            List.of("2401000"));
    String text =
        write(
            List.of(new TermMeetings(schedule(1, autumnCalendar()), List.of(e))),
            Locale.SIMPLIFIED_CHINESE);

    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    for (String physical : text.split("\r\n", -1)) {
      byte[] bytes = physical.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(bytes.length).as(physical).isLessThanOrEqualTo(75);
      // each physical line is whole UTF-8 on its own: no character was cut in two
      java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
    }
    assertThat(text).contains("\r\n ");

    ICalendarCheck ics = ICalendarCheck.parseAndValidate(text);
    VEvent event = ics.events().get(0);
    assertThat(ICalendarCheck.value(event, "SUMMARY")).isEqualTo(name);
    assertThat(ICalendarCheck.value(event, "LOCATION")).isEqualTo(room);
    assertThat(ICalendarCheck.value(event, "DESCRIPTION"))
        .isEqualTo("教师：毛敏,尹超\n节次：第1-2节\n课程号：K,;\\1");
    assertThat(ICalendarCheck.value(event, "UID"))
        .isEqualTo("2026-2027-1-WISEDU-7-20260907@workbench.example.edu.cn");
    assertThat(ICalendarCheck.value(event, "DTSTAMP")).isEqualTo("20261125T030500Z");
  }

  /**
   * Random weeks, periods and weekdays against random holidays and make-up days, through ical4j.
   */
  @Test
  void randomMeetingsExpandExactlyThroughIcal4j() throws Exception {
    java.util.Random random = new java.util.Random(20261125);
    for (int round = 0; round < 5; round++) {
      List<Holiday> holidays = new ArrayList<>();
      Set<LocalDate> used = new TreeSet<>();
      for (int i = 0; i < 6; i++) {
        LocalDate d = AUTUMN.firstDay().plusDays(random.nextInt(18 * 7));
        if (used.add(d)) {
          holidays.add(new Holiday(d, "假"));
        }
      }
      List<MakeUpDay> makeUps = new ArrayList<>();
      for (Holiday h : holidays) {
        LocalDate weekend =
            AUTUMN.firstDay().plusWeeks(random.nextInt(18)).plusDays(5 + random.nextInt(2));
        if (random.nextBoolean() && used.add(weekend)) {
          makeUps.add(new MakeUpDay(weekend, h.date(), ""));
        }
      }
      AcademicCalendar calendar = new AcademicCalendar(AUTUMN, holidays, makeUps);
      List<TimetableEntry> entries = new ArrayList<>();
      for (int no = 1; no <= 30; no++) {
        long mask = 0;
        while (mask == 0) {
          mask = random.nextLong() & ((1L << 19) - 2);
        }
        int first = 1 + random.nextInt(10);
        entries.add(
            entry(
                no,
                DayOfWeek.of(1 + random.nextInt(6)),
                first,
                1 + random.nextInt(Math.min(3, 11 - first)),
                WeekPattern.fromMask(mask)));
      }
      String text =
          write(
              List.of(new TermMeetings(schedule(1, calendar), entries)), Locale.SIMPLIFIED_CHINESE);
      ICalendarCheck ics = ICalendarCheck.parseAndValidate(text);
      ics.assertUniqueUids();
      assertEveryMeetingExact(ics, calendar, TIMES, entries);
    }
  }

  @Test
  void teacherAccountsWithoutNamesAreNamedFromTheDirectory() throws Exception {
    TimetableEntry wisedu =
        new TimetableEntry(
            "WISEDU",
            1,
            "K00005",
            "管理学基础",
            List.of("10065", "99999"),
            "",
            "",
            DayOfWeek.TUESDAY,
            new PeriodRange(9, 2),
            WeekPattern.parse("2-16周(双)", 18),
            List.of("2401000"));
    String text =
        new TimetableCalendarWriter(
                texts(Locale.SIMPLIFIED_CHINESE), "x", java.util.Map.of("10065", "叶轩"))
            .write(
                "田芬",
                List.of(new TermMeetings(schedule(1, autumnCalendar()), List.of(wisedu))),
                STAMP);
    ICalendarCheck ics = ICalendarCheck.parseAndValidate(text);
    assertThat(ics.events())
        .allSatisfy(
            e -> {
              assertThat(ICalendarCheck.value(e, "DESCRIPTION"))
                  .startsWith("教师：叶轩、99999\n节次：第9-10节");
              assertThat(e.getProperty("LOCATION")).isEmpty();
            });
  }

  @Test
  void anEmptyTimetableIsStillAValidCalendar() throws Exception {
    ICalendarCheck ics =
        ICalendarCheck.parseAndValidate(write(List.of(), Locale.SIMPLIFIED_CHINESE));
    assertThat(ics.events()).isEmpty();
    assertThat(ics.property("PRODID")).isEqualTo(TimetableCalendarWriter.PRODID);
  }

  @Test
  void theEntityTagIgnoresOnlyTheGenerationTime() {
    List<TermMeetings> terms =
        List.of(new TermMeetings(schedule(1, autumnCalendar()), autumnEntries()));
    TimetableCalendarWriter writer =
        new TimetableCalendarWriter(texts(Locale.SIMPLIFIED_CHINESE), "x");
    CalendarFeed a = CalendarFeed.of(writer.write("田芬", terms, STAMP));
    CalendarFeed b = CalendarFeed.of(writer.write("田芬", terms, STAMP.plusSeconds(3600)));
    CalendarFeed c = CalendarFeed.of(writer.write("田芬", terms.subList(0, 0), STAMP));
    assertThat(a.body()).isNotEqualTo(b.body());
    assertThat(a.etag()).isEqualTo(b.etag()).isNotEqualTo(c.etag()).matches("\"[0-9a-f]{32}\"");
  }
}
