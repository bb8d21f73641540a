package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is away" (503 稍后再试) and which stay errors (the 500 page). */
class DatabaseUnavailableFilterTest {

  @Test
  void theDatabaseGoneIsRecognisedThroughTheWrappersSeenInTheDrills() {
    // What the pool throws while MariaDB is stopped, as Faces hands it to the filter.
    SQLException pool =
        new SQLException(
            "Error in allocating a connection. Cause: Connection could not be allocated",
            new SQLNonTransientConnectionException(
                "Socket fail to connect", "08000", new ConnectException("refused")));
    assertThat(
            DatabaseUnavailableFilter.databaseUnavailable(
                new ServletException(new RuntimeException(pool))))
        .isTrue();
    // A commit cut off by the restart: JTS5031 "completed: Maybe", nothing of SQL left in the
    // chain.
    assertThat(
            DatabaseUnavailableFilter.databaseUnavailable(
                new ServletException(
                    new TransactionalException(
                        "encountered exception during commit", new SystemException("JTS5031")))))
        .isTrue();
    assertThat(
            DatabaseUnavailableFilter.databaseUnavailable(new SQLException("gone away", "08S01")))
        .isTrue();
  }

  @Test
  void otherFailuresStayErrors() {
    assertThat(
            DatabaseUnavailableFilter.databaseUnavailable(
                new ServletException(new IllegalStateException("bug"))))
        .isFalse();
    assertThat(
            DatabaseUnavailableFilter.databaseUnavailable(
                new SQLException("Duplicate entry", "23000")))
        .isFalse();
    assertThat(DatabaseUnavailableFilter.databaseUnavailable(new NullPointerException())).isFalse();
  }
}
