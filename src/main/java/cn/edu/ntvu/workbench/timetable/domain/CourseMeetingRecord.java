package cn.edu.ntvu.workbench.timetable.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A stored course meeting, for reading one meeting (course detail). Meetings are written in bulk
 * with multi-row SQL and never changed one by one: an import replaces all meetings of a term and
 * source.
 */
@Entity
@Table(name = "course_meeting")
@IdClass(CourseMeetingRecord.Key.class)
public class CourseMeetingRecord {
  /** Term, source system and position in the imported file. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long termId;
    private String source;
    private int meetingNo;

    public Key() {}

    public Key(long termId, String source, int meetingNo) {
      this.termId = termId;
      this.source = source;
      this.meetingNo = meetingNo;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.termId == termId
          && Objects.equals(k.source, source)
          && k.meetingNo == meetingNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(termId, source, meetingNo);
    }
  }

  @Id
  @Column(name = "term_id")
  private long termId;

  @Id
  @Column(length = 8)
  private String source;

  @Id
  @Column(name = "meeting_no")
  private int meetingNo;

  @Column(name = "source_line", nullable = false)
  private int sourceLine;

  @Column(name = "course_code", nullable = false, length = 32)
  private String courseCode;

  @Column(name = "course_name", nullable = false, length = 100)
  private String courseName;

  @Column(name = "teacher_names", nullable = false, length = 200)
  private String teacherNames;

  @Column(nullable = false, length = 64)
  private String room;

  @Column(nullable = false)
  private int weekday;

  @Column(name = "first_period", nullable = false)
  private int firstPeriod;

  @Column(name = "period_count", nullable = false)
  private int periodCount;

  @Column(name = "weeks_mask", nullable = false)
  private long weeksMask;

  protected CourseMeetingRecord() {}

  public long getTermId() {
    return termId;
  }

  public String getSource() {
    return source;
  }

  public int getMeetingNo() {
    return meetingNo;
  }

  public int getSourceLine() {
    return sourceLine;
  }

  public String getCourseCode() {
    return courseCode;
  }

  public String getCourseName() {
    return courseName;
  }

  public String getTeacherNames() {
    return teacherNames;
  }

  public String getRoom() {
    return room;
  }

  public DayOfWeek getWeekday() {
    return DayOfWeek.of(weekday);
  }

  public PeriodRange getPeriods() {
    return new PeriodRange(firstPeriod, periodCount);
  }

  public WeekPattern getWeeks() {
    return WeekPattern.fromMask(weeksMask);
  }
}
