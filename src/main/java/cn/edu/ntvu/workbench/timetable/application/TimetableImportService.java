package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.imports.ImportBatch;
import cn.edu.ntvu.workbench.platform.imports.ImportFileException;
import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.CalendarDayRecord;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeRecord;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.TermRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admin import of academic-affairs files: {@link #preview} checks an upload and stores it in {@code
 * import_batch}; {@link #apply} checks the stored file again against the terms and period times as
 * they are now and writes it in one transaction, or nothing. Importing a timetable replaces that
 * term's meetings from that system (正方 or 金智) at once: readers keep seeing the old timetable until
 * the commit, never half of the new one.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class TimetableImportService {
  static final String AUDIT_ACTION = "TIMETABLE_IMPORT";

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject Event<TimetableChanged> changed;
  @Inject jakarta.enterprise.inject.Instance<HeldOccurrences> held;
  @Inject cn.edu.ntvu.workbench.identity.application.DirectoryQueries directory;

  private final TabularFileReader reader = new TabularFileReader();
  private final TimetableImportPlanner planner = new TimetableImportPlanner();

  /** Checks a file and keeps it for confirmation; nothing else changes. */
  @Transactional
  public TimetablePreview preview(
      TimetableImportKind kind, String fileName, byte[] content, String actorAccount) {
    TimetablePlan plan = plan(kind, fileName, content);
    if (plan.size() == 0 && plan.hasErrors() && plan.errors().get(0).line() == 0) {
      TimetableImportKind fits = missesColumns(plan) ? fittingKind(fileName, content, kind) : null;
      return TimetablePreview.of(null, fileName, plan, List.of(), fits);
    }
    ImportBatch batch =
        new ImportBatch(
            kind.name(),
            fileName,
            content,
            actorAccount,
            summary(plan, fileName),
            LocalDateTime.now(clock));
    em.persist(batch);
    em.flush();
    List<TimetableChange> changes = new ArrayList<>(TimetableChanges.of(plan, overview()));
    if (!plan.hasErrors()
        && (kind == TimetableImportKind.TIMETABLE_ZF
            || kind == TimetableImportKind.TIMETABLE_WISEDU)) {
      Optional<TermRecord> term =
          em.createQuery("SELECT t FROM TermRecord t WHERE t.code = :code", TermRecord.class)
              .setParameter("code", plan.termCode())
              .getResultStream()
              .findFirst();
      if (term.isPresent()) {
        long termId = term.get().getId();
        Map<Integer, Integer> rollCalls = rollCalls(termId, source(kind));
        MeetingNumbers.Assignment a =
            MeetingNumbers.assign(
                new MeetingWriter(em).loaded(termId, source(kind)),
                plan.meetings(),
                highest(rollCalls));
        changes.addAll(heldChanges(a.dropped(), rollCalls));
      }
    }
    return TimetablePreview.of(batch.getId(), fileName, plan, changes, null);
  }

  private static boolean missesColumns(TimetablePlan plan) {
    return plan.errors().size() == 1
        && plan.errors().get(0).messageKey().equals("import.file.missingColumns");
  }

  /**
   * The other kind whose columns the file has: admins pick the wrong kind more often than the wrong
   * file.
   */
  private TimetableImportKind fittingKind(
      String fileName, byte[] content, TimetableImportKind chosen) {
    for (TimetableImportKind k : TimetableImportKind.values()) {
      if (k != chosen) {
        try {
          reader.read(fileName, content, k.columns());
          return k;
        } catch (ImportFileException e) {
          // not this kind either
        }
      }
    }
    return null;
  }

  /**
   * Applies a previewed batch. The term row is locked first, so two admins confirming the same
   * term's files one after the other get two complete imports in order, never a mixture.
   */
  @Transactional
  public TimetableImportResult apply(long batchId, AuditActor actor) {
    // Readers on this server forget the terms they keep once this commits (nothing happens if it
    // rolls back).
    changed.fire(new TimetableChanged());
    ImportBatch batch = em.find(ImportBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    TimetableImportKind kind =
        batch == null ? null : TimetableImportKind.fromBatchKind(batch.getKind()).orElse(null);
    if (kind == null) {
      return TimetableImportResult.refused(
          batchId, null, TimetableImportProblem.error(0, "", "timetable.batch.notFound", batchId));
    }
    if (batch.getStatus() == ImportBatch.Status.APPLIED) {
      return TimetableImportResult.refused(
          batchId,
          kind,
          TimetableImportProblem.error(0, "", TimetableImportResult.ALREADY_APPLIED, batchId));
    }
    TimetablePlan plan = plan(kind, batch.getFileName(), batch.getContent());
    if (plan.hasErrors()) {
      return TimetableImportResult.refused(batchId, plan);
    }
    TimetableOverview now = overview();
    List<TimetableChange> changes = new ArrayList<>(TimetableChanges.of(plan, now));
    Map<String, Object> auditBefore = TimetableAuditFields.before(plan, now);
    // the snapshot left terms and period times managed; bulk deletes below bypass the persistence
    // context, so
    // re-persisting the same keys must not meet stale managed copies
    em.clear();
    switch (kind) {
      case TERM -> writeTerms(plan.terms());
      case PERIOD_TIMES -> writePeriodTimes(plan.periodTimes());
      case CALENDAR -> writeCalendars(plan.calendars());
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> {
        TermRecord term = lockedTerm(plan.termCode());
        Map<Integer, Integer> rollCalls = rollCalls(term.getId(), source(kind));
        MeetingNumbers.Assignment a =
            new MeetingWriter(em)
                .replace(term.getId(), source(kind), plan.meetings(), highest(rollCalls));
        changes.addAll(heldChanges(a.dropped(), rollCalls));
        bumpVersion(term.getId());
      }
    }
    String summary = summary(plan, batch.getFileName());
    ImportBatch applied = em.find(ImportBatch.class, batchId);
    applied.markApplied(summary, LocalDateTime.now(clock));
    // in this transaction: the log shows this import exactly when the replaced timetable is
    // committed
    audit.record(
        actor,
        AUDIT_ACTION,
        AuditObject.of("import_batch", batchId, applied.getFileName()),
        AuditDiff.between(auditBefore, TimetableAuditFields.after(plan, applied.getFileName())));
    return new TimetableImportResult(
        batchId, true, kind, plan.termCode(), plan.size(), List.of(), plan.warnings(), changes);
  }

  /** Roll calls per meeting number (none without an attendance context). */
  private Map<Integer, Integer> rollCalls(long termId, String source) {
    Map<Integer, Integer> out = new HashMap<>();
    for (HeldOccurrences h : held) {
      h.rollCalls(termId, source).forEach((no, n) -> out.merge(no, n, Integer::sum));
    }
    return out;
  }

  private static int highest(Map<Integer, Integer> rollCalls) {
    return rollCalls.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * One line per meeting the file moves or drops that has roll calls: its marks stay with the
   * occurrences that were held ("形势与政策（机械制造241班）周一 第1–2节：已点名 3 次，…").
   */
  private List<TimetableChange> heldChanges(
      List<MeetingNumbers.Dropped> dropped, Map<Integer, Integer> rollCalls) {
    List<TimetableChange> out = new ArrayList<>();
    for (MeetingNumbers.Dropped d : dropped) {
      int n = rollCalls.getOrDefault(d.meeting().no(), 0);
      if (n == 0) {
        continue;
      }
      MeetingNumbers.Loaded m = d.meeting();
      String audience;
      if (!m.classCodes().isEmpty()) {
        Map<String, String> names = directory.classNames(m.classCodes());
        audience =
            String.join("、", m.classCodes().stream().map(c -> names.getOrDefault(c, c)).toList());
      } else {
        audience =
            String.join("、", m.studentAccounts().stream().limit(3).toList())
                + (m.studentAccounts().size() > 3 ? "…" : "");
      }
      if (d.movedTo() != null) {
        MeetingNumbers.Loaded to = d.movedTo();
        out.add(
            TimetableChange.of(
                "timetable.admin.change.heldMoved",
                m.courseName(),
                audience,
                "#timetable.admin.weekday." + m.weekday().getValue(),
                periods(m),
                n,
                "#timetable.admin.weekday." + to.weekday().getValue(),
                periods(to)));
      } else {
        out.add(
            TimetableChange.of(
                "timetable.admin.change.heldDeleted",
                m.courseName(),
                audience,
                "#timetable.admin.weekday." + m.weekday().getValue(),
                periods(m),
                n));
      }
    }
    return out;
  }

  private static String periods(MeetingNumbers.Loaded m) {
    return m.periodCount() <= 1
        ? String.valueOf(m.firstPeriod())
        : m.firstPeriod() + "–" + (m.firstPeriod() + m.periodCount() - 1);
  }

  /** Applies a batch on behalf of the server itself (the demo timetable at start-up). */
  @Transactional
  public TimetableImportResult apply(long batchId, String systemAccount) {
    return apply(batchId, AuditActor.system(systemAccount));
  }

  /** What is loaded now, for the admin to see before replacing it. */
  public TimetableOverview overview() {
    return new TimetableOverviewReader(em).read();
  }

  /** The value of {@code course_meeting.source} for a timetable file. */
  static String source(TimetableImportKind kind) {
    return switch (kind) {
      case TIMETABLE_ZF -> "ZF";
      case TIMETABLE_WISEDU -> "WISEDU";
      default -> throw new IllegalArgumentException(kind + " has no meetings");
    };
  }

  private TimetablePlan plan(TimetableImportKind kind, String fileName, byte[] content) {
    TabularFile file;
    try {
      file = reader.read(fileName, content, kind.columns());
    } catch (ImportFileException e) {
      return TimetablePlan.unreadable(
          kind, TimetableImportProblem.error(0, "", e.getMessageKey(), e.getArgs().toArray()));
    }
    return planner.plan(kind, file, snapshot());
  }

  /** Terms and period times as plain values: two small queries. */
  TimetableSnapshot snapshot() {
    Map<String, Term> terms = new HashMap<>();
    for (TermRecord t :
        em.createQuery("SELECT t FROM TermRecord t", TermRecord.class).getResultList()) {
      terms.put(t.getCode(), t.toTerm());
    }
    return new TimetableSnapshot(terms, periodTimes(em));
  }

  static PeriodTimeTable periodTimes(EntityManager em) {
    Map<String, List<PeriodTimeRecord>> bySet = new LinkedHashMap<>();
    for (PeriodTimeRecord p :
        em.createQuery(
                "SELECT p FROM PeriodTimeRecord p ORDER BY p.setName, p.period",
                PeriodTimeRecord.class)
            .getResultList()) {
      bySet.computeIfAbsent(p.getSetName(), s -> new ArrayList<>()).add(p);
    }
    List<PeriodTimeSet> sets = new ArrayList<>();
    bySet.forEach(
        (name, rows) ->
            sets.add(
                new PeriodTimeSet(
                    name,
                    rows.get(0).getValidFrom(),
                    rows.get(0).getValidTo(),
                    rows.stream()
                        .map(r -> new PeriodTime(r.getPeriod(), r.getStartTime(), r.getEndTime()))
                        .toList())));
    return new PeriodTimeTable(sets);
  }

  private TermRecord lockedTerm(String code) {
    return em.createQuery("SELECT t FROM TermRecord t WHERE t.code = :code", TermRecord.class)
        .setParameter("code", code)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getSingleResult();
  }

  /** Terms are added or moved, never deleted by an import: a term's timetable hangs on it. */
  private void writeTerms(List<Term> terms) {
    Map<String, TermRecord> existing = new HashMap<>();
    for (TermRecord t :
        em.createQuery("SELECT t FROM TermRecord t", TermRecord.class).getResultList()) {
      existing.put(t.getCode(), t);
    }
    for (Term term : terms) {
      TermRecord record = existing.get(term.code());
      if (record == null) {
        em.persist(new TermRecord(term));
      } else if (!record.toTerm().equals(term)) {
        record.update(term);
      }
    }
    em.flush();
  }

  /** The file is the whole period-time table. */
  private void writePeriodTimes(PeriodTimeTable table) {
    em.createQuery("DELETE FROM PeriodTimeRecord p").executeUpdate();
    for (PeriodTimeSet set : table.sets()) {
      for (PeriodTime p : set.periods()) {
        em.persist(
            new PeriodTimeRecord(
                set.name(), p.period(), set.validFrom(), set.validTo(), p.start(), p.end()));
      }
    }
    em.flush();
    // period times belong to no term but every term shows them
    em.createQuery("UPDATE TermRecord t SET t.version = t.version + 1").executeUpdate();
  }

  /**
   * Readers keep a term's schedule for as long as its version stays the same
   * (TimetableQueryService), so whatever changes what a term shows bumps its version in the same
   * transaction.
   */
  private void bumpVersion(long termId) {
    em.createQuery("UPDATE TermRecord t SET t.version = t.version + 1 WHERE t.id = :id")
        .setParameter("id", termId)
        .executeUpdate();
  }

  /** Replaces the calendar of every term the file has dates in; other terms keep theirs. */
  private void writeCalendars(Map<String, AcademicCalendar> calendars) {
    for (Map.Entry<String, AcademicCalendar> e : calendars.entrySet()) {
      long termId = lockedTerm(e.getKey()).getId();
      bumpVersion(termId);
      em.createQuery("DELETE FROM CalendarDayRecord d WHERE d.termId = :term")
          .setParameter("term", termId)
          .executeUpdate();
      for (Holiday h : e.getValue().holidays()) {
        em.persist(
            new CalendarDayRecord(
                termId, h.date(), CalendarDayRecord.Kind.HOLIDAY, null, h.name()));
      }
      for (MakeUpDay m : e.getValue().makeUpDays()) {
        em.persist(
            new CalendarDayRecord(
                termId, m.date(), CalendarDayRecord.Kind.MAKE_UP, m.follows(), m.note()));
      }
    }
    em.flush();
  }

  static String summary(TimetablePlan plan, String fileName) {
    jakarta.json.JsonObjectBuilder json =
        jakarta.json.Json.createObjectBuilder()
            .add("kind", plan.kind().name())
            .add("file", fileName == null ? "" : fileName);
    if (plan.termCode() == null) {
      json.addNull("term");
    } else {
      json.add("term", plan.termCode());
    }
    return json.add("items", plan.size())
        .add("errors", plan.errors().size())
        .add("warnings", plan.warnings().size())
        .build()
        .toString();
  }
}
