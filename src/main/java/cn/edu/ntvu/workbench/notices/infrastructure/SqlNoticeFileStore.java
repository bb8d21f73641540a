package cn.edu.ntvu.workbench.notices.infrastructure;

import cn.edu.ntvu.workbench.notices.application.NoticeFile;
import cn.edu.ntvu.workbench.notices.application.NoticeFileStore;
import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** {@link NoticeFileStore} in table {@code notice_file}. */
@ApplicationScoped
public class SqlNoticeFileStore implements NoticeFileStore {
  private static final String COLUMNS = "id, notice_id, kind, file_name, size_bytes";

  @Inject Sql sql;

  @Override
  public long insert(
      long noticeId,
      NoticeFileKind kind,
      String fileName,
      byte[] content,
      Integer width,
      Integer height,
      String addedBy,
      LocalDateTime now) {
    return sql.insert(
        "INSERT INTO notice_file (notice_id, kind, file_name, size_bytes, width, height, content,"
            + " added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        noticeId,
        kind.name(),
        fileName,
        content.length,
        width,
        height,
        content,
        addedBy,
        Timestamp.valueOf(now));
  }

  @Override
  public List<NoticeFile> of(long noticeId) {
    return sql.query(
        "SELECT " + COLUMNS + " FROM notice_file WHERE notice_id = ? ORDER BY kind = 'FILE', id",
        SqlNoticeFileStore::file,
        noticeId);
  }

  @Override
  public Optional<NoticeFile> info(long fileId) {
    return sql.one(
        "SELECT " + COLUMNS + " FROM notice_file WHERE id = ?", SqlNoticeFileStore::file, fileId);
  }

  @Override
  public Optional<byte[]> content(long fileId) {
    return sql.one("SELECT content FROM notice_file WHERE id = ?", rs -> rs.getBytes(1), fileId);
  }

  @Override
  public int remove(long noticeId, long fileId) {
    return sql.update("DELETE FROM notice_file WHERE notice_id = ? AND id = ?", noticeId, fileId);
  }

  private static NoticeFile file(ResultSet rs) throws SQLException {
    return new NoticeFile(
        rs.getLong(1),
        rs.getLong(2),
        NoticeFileKind.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getInt(5));
  }
}
