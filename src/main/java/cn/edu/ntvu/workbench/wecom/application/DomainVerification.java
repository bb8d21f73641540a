package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.wecom.domain.VerificationFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The uploaded WeCom domain verification files, kept in the database (table {@code
 * wecom_domain_verification}) so that every server serves them. An upload of a name already stored
 * replaces its content. Every upload is audited in its own transaction.
 */
@ApplicationScoped
public class DomainVerification {
  @Inject Sql sql;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  /** A stored file, for the setup page. */
  public record Stored(String name, String content, LocalDateTime uploadedAt, String uploadedBy) {}

  @Transactional
  @Requires(roles = Role.ADMIN)
  public void upload(VerificationFile file, AuditActor actor) {
    Optional<Stored> before = find(file.name());
    LocalDateTime now = LocalDateTime.now(clock);
    sql.update(
        "INSERT INTO wecom_domain_verification (file_name, content, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE content = VALUES(content), uploaded_at = VALUES(uploaded_at),"
            + " uploaded_by = VALUES(uploaded_by)",
        file.name(),
        file.content(),
        Timestamp.valueOf(now),
        actor.account());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("content", file.content());
    AuditDiff diff =
        before.isPresent()
            ? AuditDiff.between(Map.of("content", before.get().content()), after)
            : AuditDiff.created(after);
    audit.record(
        actor,
        "WECOM_VERIFY_FILE_UPLOAD",
        AuditObject.of("wecom_verify_file", file.name(), file.name()),
        diff);
  }

  public Optional<Stored> find(String name) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        sql.rows(
            "SELECT file_name, content, uploaded_at, uploaded_by FROM wecom_domain_verification WHERE file_name = ?",
            name);
    return rows.stream().findFirst().map(DomainVerification::stored);
  }

  @Requires(roles = Role.ADMIN)
  public List<Stored> all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        sql.rows(
            "SELECT file_name, content, uploaded_at, uploaded_by FROM wecom_domain_verification"
                + " ORDER BY uploaded_at DESC");
    return rows.stream().map(DomainVerification::stored).toList();
  }

  private static Stored stored(Object[] row) {
    Object at = row[2];
    LocalDateTime uploadedAt =
        at instanceof Timestamp t ? t.toLocalDateTime() : at instanceof LocalDateTime l ? l : null;
    return new Stored((String) row[0], (String) row[1], uploadedAt, (String) row[3]);
  }
}
