package cn.edu.ntvu.workbench.timetable.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A stored holiday or make-up day of a term; see {@link
 * cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar}.
 */
@Entity
@Table(name = "term_calendar_day")
public class CalendarDayRecord {
  /** Which of the two special days. */
  public enum Kind {
    HOLIDAY,
    MAKE_UP
  }

  @Id
  @Column(name = "day")
  private LocalDate day;

  @Column(name = "term_id", nullable = false)
  private long termId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  @Column(name = "follows_date")
  private LocalDate followsDate;

  @Column(nullable = false, length = 100)
  private String note;

  protected CalendarDayRecord() {}

  public CalendarDayRecord(
      long termId, LocalDate day, Kind kind, LocalDate followsDate, String note) {
    this.termId = termId;
    this.day = day;
    this.kind = kind;
    this.followsDate = followsDate;
    this.note = note == null ? "" : note.length() > 100 ? note.substring(0, 100) : note;
  }

  public LocalDate getDay() {
    return day;
  }

  public long getTermId() {
    return termId;
  }

  public Kind getKind() {
    return kind;
  }

  public LocalDate getFollowsDate() {
    return followsDate;
  }

  public String getNote() {
    return note;
  }
}
