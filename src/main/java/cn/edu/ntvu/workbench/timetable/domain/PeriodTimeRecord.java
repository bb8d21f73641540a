package cn.edu.ntvu.workbench.timetable.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** One stored period of a period-time set (作息时间表); the set's dates repeat on each of its rows. */
@Entity
@Table(name = "period_time")
@IdClass(PeriodTimeRecord.Key.class)
public class PeriodTimeRecord {
  /** Set name and period number; a class, not a record, because JPA sets id fields reflectively. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String setName;
    private int period;

    public Key() {}

    public Key(String setName, int period) {
      this.setName = setName;
      this.period = period;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(k.setName, setName) && k.period == period;
    }

    @Override
    public int hashCode() {
      return Objects.hash(setName, period);
    }
  }

  @Id
  @Column(name = "set_name", length = 32)
  private String setName;

  @Id
  @Column(name = "period")
  private int period;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to", nullable = false)
  private LocalDate validTo;

  @Column(name = "start_time", nullable = false)
  private LocalTime startTime;

  @Column(name = "end_time", nullable = false)
  private LocalTime endTime;

  protected PeriodTimeRecord() {}

  public PeriodTimeRecord(
      String setName,
      int period,
      LocalDate validFrom,
      LocalDate validTo,
      LocalTime start,
      LocalTime end) {
    this.setName = setName;
    this.period = period;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.startTime = start;
    this.endTime = end;
  }

  public String getSetName() {
    return setName;
  }

  public int getPeriod() {
    return period;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public LocalTime getStartTime() {
    return startTime;
  }

  public LocalTime getEndTime() {
    return endTime;
  }
}
