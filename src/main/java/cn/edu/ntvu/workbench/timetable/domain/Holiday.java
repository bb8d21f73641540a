package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.util.Objects;

/** 放假: a day without classes, e.g. 国庆节. */
public record Holiday(LocalDate date, String name) {
  public Holiday {
    Objects.requireNonNull(date, "date");
    name = name == null ? "" : name.strip();
  }
}
