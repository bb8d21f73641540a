package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.application.Requires;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import cn.edu.ntvu.workbench.identity.domain.ImportBatch;
import cn.edu.ntvu.workbench.identity.domain.PersonKind;
import cn.edu.ntvu.workbench.identity.domain.Role;
import cn.edu.ntvu.workbench.identity.domain.RoleGrant;
import cn.edu.ntvu.workbench.identity.infrastructure.imports.ImportFileException;
import cn.edu.ntvu.workbench.identity.infrastructure.imports.TabularFile;
import cn.edu.ntvu.workbench.identity.infrastructure.imports.TabularFileReader;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admin import of the school directory. {@link #preview} checks an upload and stores it; {@link #apply} checks the
 * stored file again against the directory as it is now and writes all of it in one transaction, or nothing.
 * Rows are matched by code or account, so importing the same file twice changes nothing the second time.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class DirectoryImportService {
  static final String AUDIT_ACTION = "DIRECTORY_IMPORT";
  static final String AUDIT_OBJECT = "import_batch";
  private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  @Inject jakarta.enterprise.event.Event<DirectoryChanged> changed;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  private final TabularFileReader reader = new TabularFileReader();
  private final ImportPlanner planner = new ImportPlanner();

  /**
   * Checks an uploaded file and keeps it for confirmation. Nothing in the directory changes.
   *
   * @return counts of what would be created, updated and left unchanged, with every problem found
   */
  @Transactional
  public ImportPreview preview(ImportKind kind, String fileName, byte[] content, String actorAccount) {
    ImportPlan plan = plan(kind, fileName, content);
    if (plan.count(Change.CREATE) + plan.count(Change.UPDATE) + plan.count(Change.UNCHANGED) == 0
        && plan.hasErrors()
        && plan.errors().get(0).line() == 0) {
      return ImportPreview.of(null, fileName, plan);
    }
    ImportBatch batch =
        new ImportBatch(
            kind.name(), fileName, content, actorAccount, summary(plan, fileName), LocalDateTime.now(clock));
    em.persist(batch);
    em.flush();
    return ImportPreview.of(batch.getId(), fileName, plan);
  }

  /**
   * Applies a previewed batch: re-reads the stored file, re-validates it against the current directory and, only
   * if there is no error, creates and updates everything in this one transaction and records it in the audit log
   * (in the same transaction: no entry without the change, no change without its entry).
   */
  @Transactional
  public ImportResult apply(long batchId, AuditActor actor) {
    ImportBatch batch = em.find(ImportBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null) {
      return ImportResult.refused(batchId, ImportProblem.error(0, "", "import.batch.notFound", batchId));
    }
    if (batch.getStatus() == ImportBatch.Status.APPLIED) {
      return ImportResult.refused(
          batchId,
          ImportProblem.error(
              0,
              "",
              "import.batch.alreadyApplied",
              batchId,
              batch.getAppliedAt() == null ? "" : APPLIED_AT.format(batch.getAppliedAt())));
    }
    ImportKind kind = directoryKind(batch.getKind());
    if (kind == null) {
      // import_batch also holds other contexts' uploads (the timetable's); they are not ours to apply
      return ImportResult.refused(batchId, ImportProblem.error(0, "", "import.batch.notFound", batchId));
    }
    String fileName = batch.getFileName();
    ImportPlan plan = plan(kind, fileName, batch.getContent());
    if (plan.hasErrors()) {
      return ImportResult.refused(batchId, plan);
    }
    new DirectoryWriter(em).write(plan);
    changed.fire(new DirectoryChanged());
    String summary = summary(plan, fileName);
    em.find(ImportBatch.class, batchId).markApplied(summary, LocalDateTime.now(clock));
    audit.record(
        actor,
        AUDIT_ACTION,
        AuditObject.of(AUDIT_OBJECT, batchId, fileName),
        AuditDiff.between(Map.of("status", ImportBatch.Status.PREVIEWED.name()), auditFields(plan, fileName)));
    return new ImportResult(
        batchId,
        true,
        plan.count(Change.CREATE),
        plan.count(Change.UPDATE),
        plan.count(Change.UNCHANGED),
        List.of(),
        plan.warnings());
  }

  /** Applies a batch on behalf of the server itself (the demo directory at start-up). */
  @Transactional
  public ImportResult apply(long batchId, String systemAccount) {
    return apply(batchId, AuditActor.system(systemAccount));
  }

  /** What the audit log keeps of an applied import: the batch's new state and the counts. */
  static Map<String, Object> auditFields(ImportPlan plan, String fileName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", ImportBatch.Status.APPLIED.name());
    fields.put("kind", plan.kind().name());
    fields.put("file", fileName == null ? "" : fileName);
    fields.put("created", plan.count(Change.CREATE));
    fields.put("updated", plan.count(Change.UPDATE));
    fields.put("unchanged", plan.count(Change.UNCHANGED));
    return fields;
  }

  private static ImportKind directoryKind(String kind) {
    for (ImportKind k : ImportKind.values()) {
      if (k.name().equals(kind)) {
        return k;
      }
    }
    return null;
  }

  private ImportPlan plan(ImportKind kind, String fileName, byte[] content) {
    TabularFile file;
    try {
      file = reader.read(fileName, content, kind.columns());
    } catch (ImportFileException e) {
      return ImportPlan.unreadable(
          kind, ImportProblem.error(0, "", e.getMessageKey(), e.getArgs().toArray()));
    }
    return planner.plan(kind, file, snapshot(kind));
  }

  /** The directory as plain values, one query per table; people are only needed for class and people files. */
  DirectorySnapshot snapshot(ImportKind kind) {
    Map<String, DepartmentEntry> departments = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT d.code, d.name, p.code FROM Department d LEFT JOIN d.parent p", Object[].class)
            .getResultList()) {
      departments.put((String) r[0], new DepartmentEntry((String) r[0], (String) r[1], (String) r[2]));
    }
    if (kind == ImportKind.DEPARTMENTS) {
      return new DirectorySnapshot(departments, Map.of(), Map.of());
    }
    Map<String, ClassEntry> classes = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT c.code, c.name, d.code, c.grade, c.counsellorAccount FROM SchoolClass c JOIN c.department d",
                Object[].class)
            .getResultList()) {
      classes.put(
          (String) r[0],
          new ClassEntry(
              (String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4]));
    }
    Map<String, Set<Role>> roles = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT p.account, g.role FROM RoleGrant g JOIN g.person p WHERE g.source = :source",
                Object[].class)
            .setParameter("source", RoleGrant.Source.IMPORT)
            .getResultList()) {
      roles.computeIfAbsent((String) r[0], a -> EnumSet.noneOf(Role.class)).add((Role) r[1]);
    }
    Map<String, PersonEntry> people = new HashMap<>();
    for (Object[] r :
        em.createQuery(
                "SELECT p.account, p.name, p.kind, p.gender, p.mobile, p.email, d.code, c.code, p.position"
                    + " FROM Person p LEFT JOIN p.department d LEFT JOIN p.schoolClass c",
                Object[].class)
            .getResultList()) {
      String account = (String) r[0];
      people.put(
          account,
          new PersonEntry(
              account,
              (String) r[1],
              (PersonKind) r[2],
              r[3] == null ? null : ((Number) r[3]).intValue(),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (String) r[7],
              (String) r[8],
              roles.getOrDefault(account, Set.of())));
    }
    return new DirectorySnapshot(departments, classes, people);
  }

  /** A short machine-readable record of an import for the batch and the audit log. */
  static String summary(ImportPlan plan, String fileName) {
    return jakarta.json.Json.createObjectBuilder()
        .add("kind", plan.kind().name())
        .add("file", fileName == null ? "" : fileName)
        .add("created", plan.count(Change.CREATE))
        .add("updated", plan.count(Change.UPDATE))
        .add("unchanged", plan.count(Change.UNCHANGED))
        .add("errors", plan.errors().size())
        .add("warnings", plan.warnings().size())
        .build()
        .toString();
  }


}
