package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeReading;
import cn.edu.ntvu.workbench.notices.application.NoticeRow;
import cn.edu.ntvu.workbench.notices.application.Notices;
import cn.edu.ntvu.workbench.notices.application.NoticesTexts;
import cn.edu.ntvu.workbench.notices.application.ReceivedNotice;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /notices/}: the notices sent to me (未读 first), and for staff the ones they send with a
 * button for a new one.
 */
@Named("noticesHome")
@RequestScoped
public class NoticesHomeView {
  @Inject CurrentUser me;
  @Inject NoticeReading reading;
  @Inject Notices notices;

  private List<ReceivedNotice> received = List.of();
  private List<NoticeRow> sent = List.of();

  public void load() {
    received = reading.received(me.get());
    sent = notices.sentBy(me.get());
  }

  /** A new draft; a post by someone who may not send is answered 403 (the page has no button). */
  public String create() {
    try {
      return "edit.xhtml?faces-redirect=true&id=" + notices.create(me.get());
    } catch (NoticeAccessDenied e) {
      Pages.status(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
  }

  public String status(NoticeRow n) {
    return NoticesTexts.ofView().get("notices.status." + n.status().name());
  }

  public String state(ReceivedNotice r) {
    NoticesTexts t = NoticesTexts.ofView();
    if (r.recalled()) {
      return t.get("notices.home.recalled");
    }
    if (!r.read()) {
      return t.get("notices.home.unread");
    }
    if (r.needsConfirm()) {
      return t.get(r.confirmed() ? "notices.home.confirmed" : "notices.home.toConfirm");
    }
    return t.get("notices.home.read");
  }

  public String when(java.time.LocalDateTime t) {
    return Pages.when(t);
  }

  public List<ReceivedNotice> getReceived() {
    return received;
  }

  public List<NoticeRow> getSent() {
    return sent;
  }

  public boolean isSender() {
    return Notices.maySend(me.get());
  }
}
