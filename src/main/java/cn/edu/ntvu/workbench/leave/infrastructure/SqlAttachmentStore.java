package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;

import cn.edu.ntvu.workbench.leave.application.AttachmentStore;
import cn.edu.ntvu.workbench.leave.application.NewAttachment;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Attachments in table {@code leave_attachment}: in the database, so every server can serve them.
 */
@ApplicationScoped
public class SqlAttachmentStore implements AttachmentStore {
  @Inject Sql sql;

  public void insert(long requestId, NewAttachment f) {
    sql.update(
        "INSERT INTO leave_attachment (request_id, file_name, content_type, size_bytes, content, preview)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        requestId,
        SqlLeaveStore.cut(f.fileName(), 255),
        f.kind().contentType(),
        f.content().length,
        f.content(),
        f.kind().isImage() ? ImagePreview.downscale(f.content()) : null);
  }

  @Override
  public int copy(long id, long fromRequestId, long toRequestId) {
    return sql.update(
        "INSERT INTO leave_attachment (request_id, file_name, content_type, size_bytes, content, preview)"
            + " SELECT ?, file_name, content_type, size_bytes, content, preview FROM leave_attachment"
            + " WHERE id = ? AND request_id = ?",
        toRequestId,
        id,
        fromRequestId);
  }

  public List<Info> of(long requestId) {
    return sql
        .rows(
            "SELECT id, request_id, file_name, content_type, size_bytes, preview IS NOT NULL"
                + " FROM leave_attachment WHERE request_id = ? ORDER BY id",
            requestId)
        .stream()
        .map(r -> new Info(lng(r[0]), lng(r[1]), str(r[2]), str(r[3]), num(r[4]), bool(r[5])))
        .toList();
  }

  public Optional<Info> info(long id) {
    return sql
        .rows(
            "SELECT id, request_id, file_name, content_type, size_bytes, preview IS NOT NULL"
                + " FROM leave_attachment WHERE id = ?",
            id)
        .stream()
        .findFirst()
        .map(r -> new Info(lng(r[0]), lng(r[1]), str(r[2]), str(r[3]), num(r[4]), bool(r[5])));
  }

  /** The bytes, or the downscaled preview when asked and there is one. */
  public Optional<byte[]> content(long id, boolean preview) {
    return sql
        .rows(
            "SELECT "
                + (preview ? "COALESCE(preview, content)" : "content")
                + " FROM leave_attachment WHERE id = ?",
            id)
        .stream()
        .findFirst()
        .map(r -> (byte[]) r[0]);
  }
}
