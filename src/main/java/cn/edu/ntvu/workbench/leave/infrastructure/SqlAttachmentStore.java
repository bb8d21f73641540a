package cn.edu.ntvu.workbench.leave.infrastructure;

import cn.edu.ntvu.workbench.leave.application.AttachmentStore;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.bool;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.lng;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.num;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.rows;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.str;

import cn.edu.ntvu.workbench.leave.application.NewAttachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Attachments in table {@code leave_attachment}: in the database, so every server can serve them. */
@ApplicationScoped
public class SqlAttachmentStore implements AttachmentStore {
  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  public void insert(long requestId, NewAttachment f) {
    em.createNativeQuery(
            "INSERT INTO leave_attachment (request_id, file_name, content_type, size_bytes, content, preview)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, requestId)
        .setParameter(2, SqlLeaveStore.cut(f.fileName(), 255))
        .setParameter(3, f.kind().contentType())
        .setParameter(4, f.content().length)
        .setParameter(5, f.content())
        .setParameter(6, f.kind().isImage() ? ImagePreview.downscale(f.content()) : null)
        .executeUpdate();
  }

  public List<Info> of(long requestId) {
    return rows(em.createNativeQuery(
                "SELECT id, request_id, file_name, content_type, size_bytes, preview IS NOT NULL"
                    + " FROM leave_attachment WHERE request_id = ? ORDER BY id")
            .setParameter(1, requestId))
        .stream()
        .map(r -> new Info(lng(r[0]), lng(r[1]), str(r[2]), str(r[3]), num(r[4]), bool(r[5])))
        .toList();
  }

  public Optional<Info> info(long id) {
    return rows(em.createNativeQuery(
                "SELECT id, request_id, file_name, content_type, size_bytes, preview IS NOT NULL"
                    + " FROM leave_attachment WHERE id = ?")
            .setParameter(1, id))
        .stream()
        .findFirst()
        .map(r -> new Info(lng(r[0]), lng(r[1]), str(r[2]), str(r[3]), num(r[4]), bool(r[5])));
  }

  /** The bytes, or the downscaled preview when asked and there is one. */
  public Optional<byte[]> content(long id, boolean preview) {
    return rows(em.createNativeQuery(
                "SELECT " + (preview ? "COALESCE(preview, content)" : "content") + " FROM leave_attachment WHERE id = ?")
            .setParameter(1, id))
        .stream()
        .findFirst()
        .map(r -> (byte[]) r[0]);
  }
}
