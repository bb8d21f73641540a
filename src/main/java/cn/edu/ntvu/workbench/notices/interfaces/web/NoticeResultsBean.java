package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeRecipient;
import cn.edu.ntvu.workbench.notices.application.NoticeResults;
import cn.edu.ntvu.workbench.notices.application.Notices;
import cn.edu.ntvu.workbench.notices.application.NoticesTexts;
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
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code /notices/results.xhtml?id=}: for the sender and co-senders only — read N/M and confirmed
 * N/M overall and per class, who has not read or not confirmed (names; read times only here), 提醒未读,
 * export, recall within 24 hours.
 */
@Requires(kind = PersonKind.STAFF)
@Named("noticeResults")
@ViewScoped
public class NoticeResultsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject NoticeResults results;
  @Inject Notices notices;
  @Inject Clock clock;

  private String idParam;
  private long id;
  private boolean refused;
  private NoticeResults.Overview overview;
  private List<NoticeRecipient> people = List.of();
  private List<NoticeRecipient> unread = List.of();
  private List<NoticeRecipient> unconfirmed = List.of();

  /**
   * How many names the page lists (unread first, then unconfirmed): a notice to the whole school
   * has 15,871 recipients, and three lists of thousands of names made the page half a megabyte and
   * a second to render (bench/notices.sh); the counts cover everyone, the export lists everyone.
   */
  static final int LISTED = 200;

  public void load() {
    if (overview != null || refused) {
      return;
    }
    id = Pages.id(idParam);
    try {
      reload();
    } catch (NoticeAccessDenied e) {
      refuse();
    }
  }

  private void refuse() {
    refused = true;
    overview = null;
    Pages.status(HttpServletResponse.SC_FORBIDDEN);
  }

  private void reload() {
    overview = results.overview(me.get(), id);
    people = results.recipients(me.get(), id, LISTED);
    unread = people.stream().filter(p -> !p.read()).toList();
    unconfirmed = people.stream().filter(p -> !p.confirmed()).toList();
  }

  public void remind() {
    NoticesTexts t = NoticesTexts.ofView();
    try {
      NoticeResults.RemindOutcome out = results.remind(me.get(), id);
      if (out.refusalKey() == null) {
        Pages.info(t.get("notices.results.remind.done", out.reminded()));
      } else {
        Pages.error(t.get(out.refusalKey(), out.nextAt() == null ? "" : Pages.when(out.nextAt())));
      }
      reload();
    } catch (NoticeAccessDenied e) {
      refuse();
    }
  }

  public void recall() {
    NoticesTexts t = NoticesTexts.ofView();
    try {
      List<Problem> p = notices.recall(me.get(), id);
      if (p.isEmpty()) {
        Pages.info(t.get("notices.results.recalled"));
      } else {
        p.forEach(x -> Pages.error(t.of(x)));
      }
      reload();
    } catch (NoticeAccessDenied e) {
      refuse();
    }
  }

  public List<NoticeRecipient> getUnread() {
    return unread;
  }

  /** Whether the lists show only the first {@link #LISTED} of the recipients. */
  public boolean isListsCut() {
    return overview != null && overview.recipients() > LISTED;
  }

  public String getListsCutText() {
    return NoticesTexts.ofView().get("notices.results.listsCut", LISTED);
  }

  public List<NoticeRecipient> getUnconfirmed() {
    return unconfirmed;
  }

  public List<NoticeRecipient> getPeople() {
    return people;
  }

  public String when(LocalDateTime t) {
    return Pages.when(t);
  }

  public boolean isRecallable() {
    return overview != null && overview.notice().recallable(LocalDateTime.now(clock));
  }

  public boolean isSent() {
    return overview != null && overview.notice().status() == NoticeStatus.SENT;
  }

  public boolean isRecalled() {
    return overview != null && overview.notice().status() == NoticeStatus.RECALLED;
  }

  public String getRemindLabel() {
    return NoticesTexts.ofView().get("notices.results.remind", overview.unread());
  }

  public String getUnreadTitle() {
    return NoticesTexts.ofView().get("notices.results.unread", overview.unread());
  }

  public String getUnconfirmedTitle() {
    return NoticesTexts.ofView()
        .get("notices.results.unconfirmed", overview.recipients() - overview.confirmed());
  }

  public String getStatusText() {
    return NoticesTexts.ofView().get("notices.status." + overview.notice().status().name());
  }

  public NoticeResults.Overview getOverview() {
    return overview;
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
}
