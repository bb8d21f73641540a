package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import cn.edu.ntvu.workbench.notices.domain.Problem;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.files.ImageHeader;
import cn.edu.ntvu.workbench.platform.files.UploadQuota;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images (≤ 9) and files (≤ 5) of a notice: added to a draft by its sender or a co-sender, all
 * of one upload or none, each checked by its bytes ({@link NoticeFileKind}: JPEG/PNG named so, PDF
 * named .pdf), its size, an image's pixels by its header before anything decodes it (an image bomb
 * is refused), and the person's daily upload quota ({@link UploadQuota}, shared with 收集表 and leave)
 * last; shown to the notice's recipients (not once recalled) and its senders.
 */
@ApplicationScoped
public class NoticeFiles {
  @Inject Notices notices;
  @Inject NoticeStore store;
  @Inject NoticeFileStore files;
  @Inject UploadQuota quota;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** One uploaded file as the page read it. */
  public record Upload(String name, byte[] bytes) {}

  /** A file for its download. */
  public record Download(NoticeFile info, byte[] content) {}

  /**
   * Adds {@code uploads} of {@code kind} to the draft {@code id}, all or none; the problems are for
   * beside the field (nothing stored then, and nothing counted against the quota).
   */
  @Transactional
  public List<Problem> add(SignedInUser user, long id, NoticeFileKind kind, List<Upload> uploads) {
    NoticeRow n = notices.owned(user, id);
    // One upload of a notice at a time: the count below holds with two taps at once.
    store.lock(id);
    if (n.status() != NoticeStatus.DRAFT) {
      throw new Notices.NotDraft();
    }
    long have = files.of(id).stream().filter(f -> f.kind() == kind).count();
    List<Problem> p = new ArrayList<>();
    if (uploads.isEmpty()) {
      p.add(Problem.of("notices.files.error.none." + kind.name()));
    }
    if (have + uploads.size() > kind.maxCount()) {
      p.add(Problem.of("notices.files.error.tooMany." + kind.name(), kind.maxCount(), have));
    }
    List<ImageHeader.Size> sizes = new ArrayList<>();
    for (Upload u : uploads) {
      String name = name(u.name());
      sizes.add(null);
      if (u.bytes().length > kind.maxBytes()) {
        p.add(Problem.of("notices.files.error.tooBig", name, kind.maxMegabytes()));
        continue;
      }
      if (!kind.accepts(name, u.bytes())) {
        p.add(Problem.of("notices.files.error.type." + kind.name(), name));
        continue;
      }
      if (kind == NoticeFileKind.IMAGE) {
        ImageHeader.Check c = ImageHeader.check(u.bytes(), NoticeFileKind.MAX_PIXELS);
        switch (c.verdict()) {
          case UNREADABLE -> p.add(Problem.of("notices.files.error.unreadable", name));
          case TOO_MANY_PIXELS ->
              p.add(
                  Problem.of(
                      "notices.files.error.pixels",
                      name,
                      c.size().width(),
                      c.size().height(),
                      NoticeFileKind.MAX_PIXELS / 1_000_000));
          default -> sizes.set(sizes.size() - 1, c.size());
        }
      }
    }
    if (!p.isEmpty()) {
      return p;
    }
    long bytes = uploads.stream().mapToLong(u -> u.bytes().length).sum();
    Optional<UploadQuota.Refusal> over = quota.take(user.account(), uploads.size(), bytes);
    if (over.isPresent()) {
      return List.of(Problem.of("notices.files.error.quota", over.get().args().toArray()));
    }
    LocalDateTime now = LocalDateTime.now(clock);
    for (int i = 0; i < uploads.size(); i++) {
      Upload u = uploads.get(i);
      ImageHeader.Size s = sizes.get(i);
      files.insert(
          id,
          kind,
          name(u.name()),
          u.bytes(),
          s == null ? null : s.width(),
          s == null ? null : s.height(),
          user.account(),
          now);
    }
    audit.record(
        Notices.actor(user),
        "NOTICE_FILE_ADD",
        Notices.object(id, n.title()),
        AuditDiff.created(
            Map.of(
                "kind",
                kind.name(),
                "files",
                String.join(", ", uploads.stream().map(u -> name(u.name())).toList()))));
    return List.of();
  }

  /** Removes one image or file of a draft. */
  @Transactional
  public void remove(SignedInUser user, long id, long fileId) {
    NoticeRow n = notices.owned(user, id);
    if (n.status() != NoticeStatus.DRAFT) {
      throw new Notices.NotDraft();
    }
    Optional<NoticeFile> f = files.info(fileId).filter(x -> x.noticeId() == id);
    if (f.isPresent() && files.remove(id, fileId) == 1) {
      audit.record(
          Notices.actor(user),
          "NOTICE_FILE_REMOVE",
          Notices.object(id, n.title()),
          AuditDiff.between(Map.of("file", f.get().fileName()), Map.of()));
    }
  }

  /** A notice's images and files, for its senders. */
  public List<NoticeFile> forSender(SignedInUser user, long id) {
    notices.owned(user, id);
    return files.of(id);
  }

  /** What an opened notice shows (nothing once recalled). */
  public List<NoticeFile> shown(NoticeReading.Opened opened) {
    return opened.recalled() && !opened.sender() ? List.of() : files.of(opened.notice().id());
  }

  /**
   * The file {@code fileId} for {@code user}: a sender or co-sender of its notice, or a recipient
   * of it once sent (not once recalled); anyone else is refused, an unknown id is empty.
   */
  public Optional<Download> download(SignedInUser user, long fileId) {
    Optional<NoticeFile> info = files.info(fileId);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    long id = info.get().noticeId();
    NoticeRow n = store.notice(id).orElseThrow(() -> new NoticeAccessDenied("no such notice"));
    boolean sender = Notices.maySend(user) && store.isSender(id, user.account());
    boolean recipient =
        n.status() == NoticeStatus.SENT && store.recipient(id, user.account()).isPresent();
    if (!sender && !recipient) {
      throw new NoticeAccessDenied("not a recipient of this notice");
    }
    return files.content(fileId).map(b -> new Download(info.get(), b));
  }

  /** The uploaded name without any path, at most 120 characters (for the download's name only). */
  static String name(String uploaded) {
    String n = uploaded == null ? "" : uploaded.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    if (n.isEmpty()) {
      n = "file";
    }
    return n.length() > 120 ? n.substring(n.length() - 120) : n;
  }
}
