package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.notices.application.AudienceOutOfScope;
import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeFile;
import cn.edu.ntvu.workbench.notices.application.NoticeFiles;
import cn.edu.ntvu.workbench.notices.application.NoticeRow;
import cn.edu.ntvu.workbench.notices.application.Notices;
import cn.edu.ntvu.workbench.notices.application.NoticesTexts;
import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import cn.edu.ntvu.workbench.notices.domain.Problem;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /notices/edit.xhtml?id=}: writing a notice on a phone, for its sender and co-senders
 * (staff). A draft's title, body, 需确认 with a deadline, importance, send time, audience and
 * co-senders; every button saves what was typed first, so a draft is never lost; send or schedule.
 * After sending, only the title and body change (已修改). Problems are shown beside the field they are
 * about, with everything typed kept.
 */
@Requires(kind = PersonKind.STAFF)
@Named("noticeEdit")
@ViewScoped
public class NoticeEditBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject Notices notices;
  @Inject NoticeFiles noticeFiles;

  private String idParam;
  private long id;
  private NoticeRow notice;
  private boolean refused;
  private List<AudienceRule> audience = List.of();
  private List<String> problems = List.of();
  private String problemsAt;

  private String title;
  private String body;
  private boolean needsConfirm;
  private String confirmDeadline;
  private boolean important;
  private String sendAt;
  private String audienceKind = AudienceRule.Kind.MY_CLASSES.name();
  private String audienceValue;
  private String coSenders;
  private DirectoryPicker picker;
  private List<NoticeFile> files = List.of();
  private transient List<Part> imageParts = new ArrayList<>();
  private transient List<Part> fileParts = new ArrayList<>();
  private String refusedKey = "notices.refused.sender";

  public void load() {
    if (notice != null || refused) {
      return;
    }
    id = Pages.id(idParam);
    try {
      reload();
    } catch (NoticeAccessDenied e) {
      refuse();
      return;
    }
    NoticeSettings s = notice.settings();
    title = s.title();
    body = s.body();
    needsConfirm = s.needsConfirm();
    confirmDeadline = s.confirmDeadline() == null ? "" : s.confirmDeadline().toString();
    important = s.important();
    sendAt = s.sendAt() == null ? "" : s.sendAt().toString();
    coSenders = String.join(", ", notices.coSenders(me.get(), id));
  }

  private void refuse() {
    refused = true;
    notice = null;
    Pages.status(HttpServletResponse.SC_FORBIDDEN);
  }

  private void reload() {
    notice = notices.owned(me.get(), id);
    audience = notices.audience(me.get(), id);
    files = noticeFiles.forSender(me.get(), id);
  }

  private boolean act(String where, java.util.function.Supplier<List<Problem>> action) {
    problems = List.of();
    problemsAt = null;
    try {
      List<Problem> found = action.get();
      NoticesTexts t = NoticesTexts.ofView();
      problems = found.stream().map(t::of).toList();
      problemsAt = where;
      reload();
      return found.isEmpty();
    } catch (Notices.NotDraft e) {
      Pages.error(NoticesTexts.ofView().get("notices.edit.notDraft"));
      reload();
    } catch (AudienceOutOfScope e) {
      refusedKey = "notices.refused.audience";
      refuse();
    } catch (NoticeAccessDenied e) {
      refuse();
    }
    return false;
  }

  /** The settings as typed; null (and the problem shown) when a time is no date and time. */
  private NoticeSettings typed() {
    try {
      return new NoticeSettings(
          title, body, needsConfirm, time(confirmDeadline), important, time(sendAt));
    } catch (DateTimeParseException e) {
      problems = List.of(NoticesTexts.ofView().get("notices.error.time"));
      problemsAt = "settings";
      return null;
    }
  }

  private static LocalDateTime time(String s) {
    return s == null || s.isBlank() ? null : LocalDateTime.parse(s.strip());
  }

  public void save() {
    NoticeSettings s = typed();
    if (s != null && act("settings", () -> notices.save(me.get(), id, s))) {
      Pages.info(NoticesTexts.ofView().get("notices.edit.saved"));
    }
  }

  public String send() {
    NoticeSettings s = typed();
    if (s == null || !act("settings", () -> notices.save(me.get(), id, s))) {
      return null;
    }
    if (!act("send", () -> notices.send(me.get(), id))) {
      return null;
    }
    if (notice.status() == NoticeStatus.SCHEDULED) {
      Pages.info(
          NoticesTexts.ofView()
              .get("notices.edit.scheduled", Pages.when(notice.settings().sendAt())));
      return null;
    }
    return "results.xhtml?faces-redirect=true&sent=1&id=" + id;
  }

  public void unschedule() {
    act("send", () -> notices.unschedule(me.get(), id) ? List.of() : List.of());
  }

  public void addAudience() {
    AudienceRule rule;
    try {
      rule = new AudienceRule(AudienceRule.Kind.valueOf(audienceKind), audienceValue);
    } catch (IllegalArgumentException | NullPointerException e) {
      problems = List.of(NoticesTexts.ofView().get("notices.audience.error.value"));
      problemsAt = "audience";
      return;
    }
    if (act("audience", () -> notices.addAudience(me.get(), id, rule))) {
      audienceValue = null;
    }
  }

  /** The picker's chips as audience lines, all or none; the chips clear once added. */
  public void addPicked() {
    List<AudienceRule> rules = new ArrayList<>();
    for (DirectoryHit h : getPicker().getSelected()) {
      try {
        rules.add(new AudienceRule(AudienceRule.Kind.valueOf(h.kind().name()), h.key()));
      } catch (IllegalArgumentException e) {
        problems = List.of(NoticesTexts.ofView().get("notices.audience.error.value"));
        problemsAt = "audience";
        return;
      }
    }
    if (rules.isEmpty()) {
      problems = List.of(NoticesTexts.ofView().get("notices.edit.nothingPicked"));
      problemsAt = "audience";
      return;
    }
    if (act("audience", () -> notices.addPicked(me.get(), id, rules))) {
      getPicker().setSelected(List.of());
    }
  }

  /** 上传图片: what was typed is saved first, then the chosen images are added (all or none). */
  public void uploadImages() {
    upload(NoticeFileKind.IMAGE, imageParts, "images");
    imageParts = new ArrayList<>();
  }

  /** 上传文件: as {@link #uploadImages}, for PDF files. */
  public void uploadFiles() {
    upload(NoticeFileKind.FILE, fileParts, "files");
    fileParts = new ArrayList<>();
  }

  private void upload(NoticeFileKind kind, List<Part> parts, String where) {
    try {
      NoticeSettings s = typed();
      if (s == null || !act("settings", () -> notices.save(me.get(), id, s))) {
        return;
      }
      List<NoticeFiles.Upload> uploads = new ArrayList<>();
      for (Part p : parts == null ? List.<Part>of() : parts) {
        if (p == null || p.getSize() <= 0) {
          continue;
        }
        try (InputStream in = p.getInputStream()) {
          // One byte over the limit is enough to say it is too big.
          uploads.add(
              new NoticeFiles.Upload(p.getSubmittedFileName(), in.readNBytes(kind.maxBytes() + 1)));
        } catch (IOException e) {
          problems = List.of(NoticesTexts.ofView().get("notices.files.error.read"));
          problemsAt = where;
          return;
        }
      }
      act(where, () -> noticeFiles.add(me.get(), id, kind, uploads));
    } finally {
      for (Part p : parts == null ? List.<Part>of() : parts) {
        try {
          if (p != null) {
            p.delete();
          }
        } catch (IOException | RuntimeException e) {
          // The container removes it at the end of the request anyway.
        }
      }
    }
  }

  public void removeFile(NoticeFile f) {
    act(
        f.image() ? "images" : "files",
        () -> {
          noticeFiles.remove(me.get(), id, f.id());
          return List.of();
        });
  }

  public List<NoticeFile> getImages() {
    return files.stream().filter(NoticeFile::image).toList();
  }

  public List<NoticeFile> getFiles() {
    return files.stream().filter(f -> !f.image()).toList();
  }

  public NoticeFileKind getImageKind() {
    return NoticeFileKind.IMAGE;
  }

  /** The file input's accept list: the endings {@link NoticeFileKind#FILE} takes. */
  public String getFileEndings() {
    return NoticeFileKind.FILE_ENDINGS;
  }

  public NoticeFileKind getFileKind() {
    return NoticeFileKind.FILE;
  }

  public List<Part> getImageParts() {
    return imageParts;
  }

  public void setImageParts(List<Part> imageParts) {
    this.imageParts = imageParts;
  }

  public List<Part> getFileParts() {
    return fileParts;
  }

  public void setFileParts(List<Part> fileParts) {
    this.fileParts = fileParts;
  }

  /** The people-and-groups picker, bounded by what this sender may reach (made on first use). */
  public DirectoryPicker getPicker() {
    if (picker == null) {
      picker = new DirectoryPicker(notices.pickScope(me.get()), 8);
    }
    return picker;
  }

  public String getRefusedKey() {
    return refusedKey;
  }

  public void removeAudience(AudienceRule rule) {
    act(
        "audience",
        () -> {
          notices.removeAudience(me.get(), id, rule);
          return List.of();
        });
  }

  public void saveCoSenders() {
    if (act("coSenders", () -> notices.setCoSenders(me.get(), id, coSenders))) {
      Pages.info(NoticesTexts.ofView().get("notices.edit.coSendersSaved"));
    }
  }

  public void saveEdit() {
    if (act("settings", () -> notices.editSent(me.get(), id, title, body))) {
      Pages.info(NoticesTexts.ofView().get("notices.edit.edited"));
    }
  }

  public String describe(AudienceRule r) {
    NoticesTexts t = NoticesTexts.ofView();
    String what =
        r.kind() == AudienceRule.Kind.MY_CLASSES
            ? ""
            : r.kind() == AudienceRule.Kind.ROLE
                ? r.value()
                : notices.describe(r) + " (" + r.value() + ")";
    return t.get("notices.audience." + r.kind().name()) + " " + what;
  }

  // ---- for the page

  public AudienceRule.Kind[] getAudienceKinds() {
    return AudienceRule.Kind.values();
  }

  public boolean isDraft() {
    return notice != null && notice.status() == NoticeStatus.DRAFT;
  }

  public boolean isScheduled() {
    return notice != null && notice.status() == NoticeStatus.SCHEDULED;
  }

  public boolean isSent() {
    return notice != null && notice.status() == NoticeStatus.SENT;
  }

  public String getStatusText() {
    return notice == null
        ? ""
        : NoticesTexts.ofView().get("notices.status." + notice.status().name());
  }

  public NoticeRow getNotice() {
    return notice;
  }

  public boolean isRefused() {
    return refused;
  }

  public List<AudienceRule> getAudience() {
    return audience;
  }

  public List<String> getProblems() {
    return problems;
  }

  public String getProblemsAt() {
    return problemsAt;
  }

  public long getId() {
    return id;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public boolean isNeedsConfirm() {
    return needsConfirm;
  }

  public void setNeedsConfirm(boolean needsConfirm) {
    this.needsConfirm = needsConfirm;
  }

  public String getConfirmDeadline() {
    return confirmDeadline;
  }

  public void setConfirmDeadline(String confirmDeadline) {
    this.confirmDeadline = confirmDeadline;
  }

  public boolean isImportant() {
    return important;
  }

  public void setImportant(boolean important) {
    this.important = important;
  }

  public String getSendAt() {
    return sendAt;
  }

  public void setSendAt(String sendAt) {
    this.sendAt = sendAt;
  }

  public String getAudienceKind() {
    return audienceKind;
  }

  public void setAudienceKind(String audienceKind) {
    this.audienceKind = audienceKind;
  }

  public String getAudienceValue() {
    return audienceValue;
  }

  public void setAudienceValue(String audienceValue) {
    this.audienceValue = audienceValue;
  }

  public String getCoSenders() {
    return coSenders;
  }

  public void setCoSenders(String coSenders) {
    this.coSenders = coSenders;
  }
}
