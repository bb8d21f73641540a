package cn.edu.ntvu.workbench.portal.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Where tile launches are counted (see {@code V54__tile_states_banners_launches.sql}). */
public interface LaunchStore {
  /** Opens and unique people of one tile, period (a day or a week's Monday) and person kind. */
  record Row(long tileId, LocalDate period, String kind, long opens, long people) {}

  /** The installation's secret for {@link cn.edu.ntvu.workbench.portal.domain.LaunchKey}. */
  byte[] salt();

  /** One open: a single upsert. */
  void count(long tileId, LocalDate day, byte[] person, String kind);

  /** Per tile, day and kind, days {@code from}..{@code to} inclusive. */
  List<Row> daily(LocalDate from, LocalDate to);

  /** Per tile, week (its Monday) and kind, for the weeks starting {@code from}..{@code to}. */
  List<Row> weekly(LocalDate from, LocalDate to);

  /**
   * Claims the day's cleanup for this server (one server a day across the cluster), in the caller's
   * transaction.
   */
  boolean claim(LocalDate day, LocalDateTime now);

  /**
   * Rolls the per-person rows of the weeks that start before {@code weekStart} up into the day and
   * week tables and deletes them; returns the rows rolled up.
   */
  int rollUpBefore(LocalDate weekStart);

  /** Deletes figures of days (weeks) before {@code day}; returns the rows removed. */
  int deleteBefore(LocalDate day);
}
