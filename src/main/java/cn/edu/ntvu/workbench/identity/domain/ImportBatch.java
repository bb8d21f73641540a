package cn.edu.ntvu.workbench.identity.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An uploaded directory file, kept in the database so that confirming a preview applies exactly the file that was
 * previewed, whichever server the confirmation reaches. A batch is applied at most once.
 */
@Entity
@Table(name = "import_batch")
public class ImportBatch {
  /** Where a batch is in its life. */
  public enum Status {
    PREVIEWED,
    APPLIED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 32)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private LocalDateTime uploadedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  private String summary;

  @Column(name = "applied_at")
  private LocalDateTime appliedAt;

  @Version private int version;

  protected ImportBatch() {}

  /** A checked file kept for confirmation; {@code uploadedAt} by the school clock. */
  public ImportBatch(
      String kind, String fileName, byte[] content, String uploadedBy, String summary, LocalDateTime uploadedAt) {
    this.kind = Objects.requireNonNull(kind);
    this.fileName = fileName == null || fileName.isBlank() ? "upload" : truncate(fileName.strip(), 255);
    this.content = content.clone();
    this.sha256 = sha256(content);
    this.uploadedBy = Department.requireText(uploadedBy, "uploadedBy");
    this.uploadedAt = Objects.requireNonNull(uploadedAt);
    this.status = Status.PREVIEWED;
    this.summary = summary;
  }

  /** The file's fingerprint, so that an admin can tell two uploads of the same file apart from two files. */
  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** Records that the batch was written to the directory; refuses a second time. */
  public void markApplied(String newSummary, LocalDateTime at) {
    if (status == Status.APPLIED) {
      throw new IllegalStateException("import batch " + id + " was already applied");
    }
    this.status = Status.APPLIED;
    this.summary = newSummary;
    this.appliedAt = Objects.requireNonNull(at);
  }

  public Long getId() {
    return id;
  }

  public String getKind() {
    return kind;
  }

  public String getFileName() {
    return fileName;
  }

  public byte[] getContent() {
    return content.clone();
  }

  public String getSha256() {
    return sha256;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public LocalDateTime getUploadedAt() {
    return uploadedAt;
  }

  public Status getStatus() {
    return status;
  }

  public String getSummary() {
    return summary;
  }

  public LocalDateTime getAppliedAt() {
    return appliedAt;
  }
}
