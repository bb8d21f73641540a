package cn.edu.ntvu.standin.cas;

import cn.edu.ntvu.standin.StandInDatabase;
import cn.edu.ntvu.standin.StandInSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Service tickets in table {@code cas_ticket}: issued to one service for one account, redeemed once
 * within {@link #LIFETIME}, remembered under the browser's cookie so that a logout can name them.
 * In the database, so that every server of a cluster validates what another issued.
 */
@ApplicationScoped
public class CasTickets {
  /** A real CAS lets a ticket live ~10 s; the stand-in allows for a slow development machine. */
  static final Duration LIFETIME = Duration.ofSeconds(60);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject StandInDatabase db;
  @Inject StandInSettings settings;

  /** What validation found. */
  public sealed interface Validation {
    /** The ticket is good: the account it was issued for. */
    record Valid(String account) implements Validation {}

    /**
     * CAS's failure code ({@code INVALID_TICKET}, {@code INVALID_SERVICE}, {@code INVALID_REQUEST})
     * and why.
     */
    record Invalid(String code, String reason) implements Validation {}
  }

  /** A ticket, or one with the browser's cookie value. */
  record Logout(String ticket, String service, String account) {}

  /** Whether the app registered this service: it must be on the app's public base URL. */
  public boolean allowed(String service) {
    String base = settings.appBaseUrl();
    return service != null
        && (service.equals(base)
            || service.startsWith(base + "/")
            || service.startsWith(base + "?"));
  }

  public String issue(String service, String account, String tgc) {
    String ticket = "ST-" + random(24);
    db.sql()
        .update(
            "INSERT INTO cas_ticket (ticket, service, account, tgc, issued_at) VALUES (?, ?, ?, ?, ?)",
            ticket,
            service,
            account,
            tgc,
            Timestamp.from(Instant.now()));
    return ticket;
  }

  /** Redeems a ticket for a service, once; a wrong service uses the ticket up, as CAS does. */
  public Validation validate(String ticket, String service) {
    if (ticket == null || ticket.isBlank() || service == null || service.isBlank()) {
      return new Validation.Invalid("INVALID_REQUEST", "ticket and service are required");
    }
    Optional<String[]> row =
        db.sql()
            .one(
                "SELECT service, account FROM cas_ticket WHERE ticket = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                ticket);
    int redeemed =
        db.sql()
            .update(
                "UPDATE cas_ticket SET used = TRUE WHERE ticket = ? AND used = FALSE"
                    + " AND issued_at > ?",
                ticket,
                Timestamp.from(Instant.now().minus(LIFETIME)));
    if (row.isEmpty() || redeemed != 1) {
      return new Validation.Invalid("INVALID_TICKET", "Ticket '" + ticket + "' not recognized");
    }
    if (!row.get()[0].equals(service)) {
      return new Validation.Invalid(
          "INVALID_SERVICE", "Ticket '" + ticket + "' does not match the service");
    }
    return new Validation.Valid(row.get()[1]);
  }

  /** The tickets issued to a browser that were not logged out yet; marks them logged out. */
  List<Logout> endSession(String tgc) {
    List<Logout> tickets =
        db.sql()
            .list(
                "SELECT ticket, service, account FROM cas_ticket WHERE tgc = ?"
                    + " AND logged_out = FALSE",
                rs -> new Logout(rs.getString(1), rs.getString(2), rs.getString(3)),
                tgc);
    db.sql().update("UPDATE cas_ticket SET logged_out = TRUE WHERE tgc = ?", tgc);
    return tickets;
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
