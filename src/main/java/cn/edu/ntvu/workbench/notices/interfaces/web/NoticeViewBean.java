package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeFile;
import cn.edu.ntvu.workbench.notices.application.NoticeFiles;
import cn.edu.ntvu.workbench.notices.application.NoticeReading;
import cn.edu.ntvu.workbench.notices.application.NoticesTexts;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code /notices/view.xhtml?id=}: a notice as its recipient sees it (opening it records the first
 * read), with 我已知晓 while it needs confirming; 已撤回 once recalled; for its senders a preview and
 * links to the read list. Anyone else gets 403 and one sentence.
 */
@Named("noticeView")
@ViewScoped
public class NoticeViewBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject NoticeReading reading;
  @Inject NoticeFiles noticeFiles;
  @Inject Clock clock;

  private String idParam;
  private long id;
  private NoticeReading.Opened opened;
  private List<NoticeFile> attachments = List.of();
  private boolean refused;

  public void load() {
    if (opened != null || refused) {
      return;
    }
    id = Pages.id(idParam);
    try {
      opened = reading.open(me.get(), id);
      attachments = noticeFiles.shown(opened);
    } catch (NoticeAccessDenied e) {
      refused = true;
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  public void confirm() {
    try {
      if (!reading.confirm(me.get(), id)) {
        Pages.error(NoticesTexts.ofView().get("notices.view.confirmClosed"));
      }
      opened = reading.open(me.get(), id);
    } catch (NoticeAccessDenied e) {
      refused = true;
      opened = null;
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  /** The 我已知晓 button shows for a recipient of a sent notice needing it, until tapped. */
  public boolean isConfirmable() {
    return opened != null
        && !opened.recalled()
        && opened.notice().settings().needsConfirm()
        && opened.me().isPresent()
        && !opened.me().get().confirmed()
        && (opened.notice().settings().confirmDeadline() == null
            || !LocalDateTime.now(clock).isAfter(opened.notice().settings().confirmDeadline()));
  }

  public String getConfirmedText() {
    return opened != null && opened.me().isPresent() && opened.me().get().confirmed()
        ? NoticesTexts.ofView()
            .get("notices.view.confirmedAt", Pages.when(opened.me().get().confirmedAt()))
        : null;
  }

  public String getDeadlineText() {
    return opened == null || opened.notice().settings().confirmDeadline() == null
        ? null
        : NoticesTexts.ofView()
            .get(
                "notices.view.confirmBy", Pages.when(opened.notice().settings().confirmDeadline()));
  }

  public String getFromText() {
    return NoticesTexts.ofView()
        .get(
            "notices.view.from",
            opened.notice().ownerName(),
            Pages.when(
                opened.notice().sentAt() == null
                    ? opened.notice().createdAt()
                    : opened.notice().sentAt()));
  }

  public String getEditedText() {
    return opened == null || opened.notice().editedAt() == null
        ? null
        : NoticesTexts.ofView().get("notices.view.edited", Pages.when(opened.notice().editedAt()));
  }

  public boolean isPreview() {
    return opened != null && opened.sender() && opened.me().isEmpty();
  }

  public NoticeReading.Opened getOpened() {
    return opened;
  }

  public boolean isRefused() {
    return refused;
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

  public List<NoticeFile> getImages() {
    return attachments.stream().filter(NoticeFile::image).toList();
  }

  public List<NoticeFile> getFiles() {
    return attachments.stream().filter(f -> !f.image()).toList();
  }
}
