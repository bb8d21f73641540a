package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /inbox?user=…}: the messages the stand-in received, newest first, for one recipient or
 * everyone — what the people would have seen in WeCom, and what WeCom would have done with each
 * (delivered, a suppressed duplicate, dropped over the per-person limit, a card updated).
 */
@WebServlet("/inbox")
public class InboxServlet extends HttpServlet {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

  @Inject StandInMessageStore store;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String user = req.getParameter("user") == null ? "" : req.getParameter("user").strip();
    if (user.length() > 64) {
      user = user.substring(0, 64);
    }
    List<StandInMessage> messages = store.latest(user.isEmpty() ? null : user, null, 200);
    Pages page = Pages.of(req);
    page.begin(page.text("inbox.title"));
    page.raw("<p class=\"wb-muted\">")
        .escaped(page.text("inbox.intro"))
        .raw("</p>")
        .raw("<form method=\"get\" action=\"")
        .raw(page.contextPath())
        .raw("/inbox\" class=\"wb-card si-filter\"")
        .raw(" id=\"inbox-filter\"><label class=\"si-field\">")
        .escaped(page.text("inbox.user"))
        .raw(
            "<input class=\"wb-input\" type=\"text\" name=\"user\" id=\"user\" maxlength=\"64\" autocomplete=\"off\"")
        .raw(" value=\"")
        .escaped(user)
        .raw("\"/></label><div><button type=\"submit\" class=\"wb-button\" id=\"show\">")
        .escaped(page.text("inbox.show"))
        .raw("</button></div></form>");
    if (messages.isEmpty()) {
      page.raw("<p class=\"wb-card wb-muted\" id=\"inbox-empty\">")
          .escaped(page.text("inbox.empty"))
          .raw("</p>");
    }
    page.raw("<ol class=\"si-rows\" id=\"inbox-rows\">");
    for (StandInMessage m : messages) {
      page.raw("<li class=\"wb-card si-row si-")
          .raw(m.outcome())
          .raw("\" data-outcome=\"")
          .raw(m.outcome())
          .raw("\" data-touser=\"")
          .escaped(m.touser())
          .raw("\"><p class=\"si-head\"><span class=\"si-status\">")
          .escaped(page.text("inbox.outcome." + m.outcome()))
          .raw("</span> <span>")
          .escaped(m.title())
          .raw("</span></p><p class=\"wb-small wb-muted\">")
          .escaped(WHEN.format(m.receivedAt()))
          .raw(" · ")
          .escaped(m.touser())
          .raw(" · ")
          .escaped(m.msgtype())
          .raw("</p><p class=\"wb-small wb-muted\">")
          .escaped(m.body())
          .raw("</p></li>");
    }
    page.raw("</ol>");
    page.send(res, 200);
  }
}
