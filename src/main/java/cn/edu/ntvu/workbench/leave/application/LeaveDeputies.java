package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.identity.domain.PersonStatus;
import cn.edu.ntvu.workbench.leave.domain.Deputies;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 代理 (issue 18, item 6): the ranges of days an approver is away and who decides for them (table
 * {@code leave_deputy}). Staff set their own; an admin sets one for any approver. The rules are
 * {@link Deputies}'; this service checks the caller, loads the ranges in force under a lock,
 * stores, and audits ({@code DEPUTY_SET}, {@code DEPUTY_REMOVED}). {@link #seatFor} answers who
 * sits in for an approver on a day, for the steps that open then.
 */
@ApplicationScoped
public class LeaveDeputies {
  @Inject Sql sql;
  @Inject DirectoryQueries directory;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** A range as the pages list it. */
  public record DeputyRow(
      long id,
      String approver,
      String approverName,
      String deputy,
      String deputyName,
      LocalDate from,
      LocalDate to,
      String setBy)
      implements Serializable {}

  /** The approver's ranges that have not ended, soonest first. */
  public List<DeputyRow> of(String approver) {
    return rows(" AND approver = ?", approver);
  }

  /** Every approver's ranges that have not ended (the admin's list). */
  @Requires(roles = Role.ADMIN)
  public List<DeputyRow> all() {
    return rows("");
  }

  private List<DeputyRow> rows(String where, Object... more) {
    List<Object> args = new ArrayList<>();
    args.add(Date.valueOf(LocalDate.now(clock)));
    args.addAll(List.of(more));
    List<Object[]> found =
        sql.rows(
            "SELECT id, approver, deputy, starts_on, ends_on, set_by FROM leave_deputy"
                + " WHERE removed_at IS NULL AND ends_on >= ?"
                + where
                + " ORDER BY starts_on, approver, id",
            args.toArray());
    List<String> accounts = new ArrayList<>();
    for (Object[] r : found) {
      accounts.add((String) r[1]);
      accounts.add((String) r[2]);
    }
    Map<String, String> names = directory.namesOf(accounts);
    List<DeputyRow> out = new ArrayList<>();
    for (Object[] r : found) {
      out.add(
          new DeputyRow(
              Sql.lng(r[0]),
              (String) r[1],
              names.getOrDefault((String) r[1], (String) r[1]),
              (String) r[2],
              names.getOrDefault((String) r[2], (String) r[2]),
              day(r[3]),
              day(r[4]),
              (String) r[5]));
    }
    return out;
  }

  /**
   * Sets {@code deputy} for {@code approver} from {@code from} to {@code to} (both included). Staff
   * for themselves; admins for anyone. Returns the problem (nothing stored) or empty (stored and
   * audited).
   */
  @Requires(kind = PersonKind.STAFF)
  @Transactional
  public Optional<Deputies.Problem> set(
      SignedInUser by, String approver, String deputy, LocalDate from, LocalDate to) {
    mayManage(by, approver);
    Optional<Person> holder = directory.findByAccount(approver);
    if (holder.isEmpty()
        || holder.get().getKind() != PersonKind.STAFF
        || holder.get().getStatus() != PersonStatus.ACTIVE) {
      return Optional.of(Deputies.Problem.APPROVER_NOT_STAFF);
    }
    Optional<Person> who = directory.findByAccount(deputy);
    Deputies.Candidate candidate =
        who.map(
                p ->
                    new Deputies.Candidate(
                        p.getAccount(),
                        p.getKind() == PersonKind.STAFF,
                        p.getStatus() == PersonStatus.ACTIVE))
            .orElse(null);
    String deputyAccount = who.map(Person::getAccount).orElse(deputy == null ? "" : deputy);
    Deputies.Range proposed = new Deputies.Range(0, approver, deputyAccount, from, to);
    LocalDate today = LocalDate.now(clock);
    // The ranges in force, locked: two admins setting ranges at once take turns.
    List<Deputies.Range> inForce = new ArrayList<>();
    for (Object[] r :
        sql.rows(
            "SELECT id, approver, deputy, starts_on, ends_on FROM leave_deputy"
                + " WHERE removed_at IS NULL AND ends_on >= ? FOR UPDATE",
            Date.valueOf(today))) {
      inForce.add(range(r));
    }
    Optional<Deputies.Problem> problem = Deputies.check(proposed, candidate, inForce, today);
    if (problem.isPresent()) {
      return problem;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    long id =
        sql.insert(
            "INSERT INTO leave_deputy (approver, deputy, starts_on, ends_on, set_by, set_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            approver,
            deputyAccount,
            Date.valueOf(from),
            Date.valueOf(to),
            by.account(),
            Sql.ts(now));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("approver", approver);
    after.put("deputy", deputyAccount);
    after.put("from", from.toString());
    after.put("to", to.toString());
    audit.record(
        actor(by),
        "DEPUTY_SET",
        AuditObject.of("leave_deputy", id, holder.get().getName() + " → " + who.get().getName()),
        AuditDiff.created(after));
    return Optional.empty();
  }

  /** Ends a range (kept with {@code removed_at}); its approver or an admin. */
  @Requires(kind = PersonKind.STAFF)
  @Transactional
  public boolean remove(SignedInUser by, long id) {
    Optional<Object[]> row =
        sql
            .rows(
                "SELECT id, approver, deputy, starts_on, ends_on FROM leave_deputy"
                    + " WHERE id = ? AND removed_at IS NULL FOR UPDATE",
                id)
            .stream()
            .findFirst();
    if (row.isEmpty()) {
      return false;
    }
    Deputies.Range r = range(row.get());
    mayManage(by, r.approver());
    sql.update(
        "UPDATE leave_deputy SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL",
        Sql.ts(LocalDateTime.now(clock)),
        by.account(),
        id);
    Map<String, String> names = directory.namesOf(List.of(r.approver(), r.deputy()));
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("approver", r.approver());
    before.put("deputy", r.deputy());
    before.put("from", r.from().toString());
    before.put("to", r.to().toString());
    audit.record(
        actor(by),
        "DEPUTY_REMOVED",
        AuditObject.of(
            "leave_deputy",
            id,
            names.getOrDefault(r.approver(), r.approver())
                + " → "
                + names.getOrDefault(r.deputy(), r.deputy())),
        AuditDiff.between(before, Map.of()));
    return true;
  }

  /**
   * Who sits in for {@code approver} on {@code day} (passed on at most once), when that person is
   * still active staff; empty when the approver is not away.
   */
  public Optional<Deputies.Seat> seatFor(String approver, LocalDate day) {
    List<Deputies.Range> inForce = new ArrayList<>();
    for (Object[] r :
        sql.rows(
            "SELECT id, approver, deputy, starts_on, ends_on FROM leave_deputy"
                + " WHERE removed_at IS NULL AND starts_on <= ? AND ends_on >= ?",
            Date.valueOf(day),
            Date.valueOf(day))) {
      inForce.add(range(r));
    }
    if (inForce.isEmpty()) {
      return Optional.empty();
    }
    return Deputies.resolve(approver, day, inForce)
        .filter(
            s ->
                directory
                    .findByAccount(s.deputy())
                    .filter(
                        p ->
                            p.getKind() == PersonKind.STAFF && p.getStatus() == PersonStatus.ACTIVE)
                    .isPresent());
  }

  private static void mayManage(SignedInUser by, String approver) {
    if (by == null || (!by.account().equals(approver) && !by.has(Role.ADMIN))) {
      throw new AccessDenied("only the approver themself or an admin sets their deputy");
    }
  }

  private static Deputies.Range range(Object[] r) {
    return new Deputies.Range(Sql.lng(r[0]), (String) r[1], (String) r[2], day(r[3]), day(r[4]));
  }

  private static LocalDate day(Object o) {
    return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
  }

  private static AuditActor actor(SignedInUser by) {
    return new AuditActor(by.account(), by.name(), by.path().name());
  }
}
