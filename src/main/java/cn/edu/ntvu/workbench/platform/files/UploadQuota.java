package cn.edu.ntvu.workbench.platform.files;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each person's daily upload quota ({@link UploadSettings}), kept in {@code upload_quota} so that
 * it holds across servers: the upload is counted in the transaction that stores the files, so a
 * refused or rolled-back submit counts nothing, and the person's row for the day is locked while it
 * is checked, so two posts at once on two servers cannot both take the last of it. The day is the
 * school clock's.
 */
@ApplicationScoped
public class UploadQuota {
  @Inject Sql sql;

  @Inject UploadSettings settings;
  @Inject Clock clock;

  /** Why an upload was refused: the limits and what the person has already uploaded today. */
  public record Refusal(int dailyFiles, int dailyMegabytes, int filesToday, long bytesToday) {
    /** What was uploaded today in MB, rounded up (for the message). */
    public long megabytesToday() {
      return (bytesToday + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /** The message arguments every context's quota text takes: {0} files a day, {1} MB a day. */
    public List<Object> args() {
      return List.of(dailyFiles, dailyMegabytes, filesToday, megabytesToday());
    }
  }

  /**
   * Counts {@code files} uploads of {@code bytes} in all for {@code account} today, in the caller's
   * transaction, if they fit in what is left of the day's quota; otherwise counts nothing and says
   * why.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Refusal> take(String account, int files, long bytes) {
    if (files <= 0) {
      return Optional.empty();
    }
    LocalDate day = LocalDate.now(clock);
    // Creates the day's row or, when there is one, locks it exclusively at once (an INSERT IGNORE
    // would take a
    // shared lock first, and two posts of one person would then deadlock on the UPDATE below).
    sql.update(
        "INSERT INTO upload_quota (account, day, files, bytes) VALUES (?, ?, 0, 0)"
            + " ON DUPLICATE KEY UPDATE files = files",
        account,
        day);
    int taken =
        sql.update(
            "UPDATE upload_quota SET files = files + ?, bytes = bytes + ?"
                + " WHERE account = ? AND day = ? AND files + ? <= ? AND bytes + ? <= ?",
            files,
            bytes,
            account,
            day,
            files,
            settings.dailyFiles(),
            bytes,
            settings.dailyBytes());
    if (taken == 1) {
      return Optional.empty();
    }
    Object[] used =
        sql.rows(
                "SELECT files, bytes FROM upload_quota WHERE account = ? AND day = ?", account, day)
            .get(0);
    return Optional.of(
        new Refusal(
            settings.dailyFiles(),
            settings.dailyMegabytes(),
            ((Number) used[0]).intValue(),
            ((Number) used[1]).longValue()));
  }

  /**
   * Removes the rows of days before {@code before} (at most {@code limit}); the cleanup job keeps a
   * week.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int forgetBefore(LocalDate before, int limit) {
    return sql.update("DELETE FROM upload_quota WHERE day < ? LIMIT " + limit, before);
  }
}
