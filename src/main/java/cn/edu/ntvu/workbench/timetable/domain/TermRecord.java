package cn.edu.ntvu.workbench.timetable.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** The stored form of a {@link Term}; the term's calendar and meetings refer to its id. */
@Entity
@Table(name = "term")
public class TermRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 16, unique = true)
  private String code;

  @Column(name = "week1_monday", nullable = false)
  private LocalDate week1Monday;

  @Column(nullable = false)
  private int weeks;

  @Version private int version;

  protected TermRecord() {}

  public TermRecord(Term term) {
    this.code = term.code();
    update(term);
  }

  /** Moves the term's start or length; the week numbers of every date follow. */
  public void update(Term term) {
    if (!term.code().equals(code)) {
      throw new IllegalArgumentException("term " + code + " cannot become " + term.code());
    }
    this.week1Monday = term.week1Monday();
    this.weeks = term.weeks();
  }

  public Term toTerm() {
    return new Term(code, week1Monday, weeks);
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  /**
   * Bumped by every import that changes what readers see of the term (see TimetableImportService).
   */
  public int getVersion() {
    return version;
  }
}
