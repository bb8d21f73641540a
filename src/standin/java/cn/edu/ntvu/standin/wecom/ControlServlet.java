package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Http;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The test controls of the WeCom stand-in, over HTTP so that tests and benchmarks set its faults
 * and state as they would a real fake server's.
 *
 * <ul>
 *   <li>{@code POST /_control} with any of {@code {"failNext": {"path": "/cgi-bin/gettoken",
 *       "errcode": -1, "times": 2, "errmsg": "…", "delayMs": 6000}}} ({@code errcode 0} with {@code
 *       delayMs} delays normal answers, for read-timeout tests), {@code {"failFor": {"path":
 *       "/cgi-bin/message/send", "errcode": -1, "httpStatus": 0, "ms": 5000}}} (an outage that ends
 *       by itself), {@code {"expireAllTokens": true}}, {@code {"reset": true}} (clears faults and
 *       counters), {@code {"issueCode": "20240100001"}} (a sign-in code as the authorize screen
 *       gives it; {@code null} for a non-member) and {@code {"ageMessages": {"touser": "10301",
 *       "seconds": 61}}} (a minute passes for that member's limits);
 *   <li>{@code GET /_control/calls?path=/cgi-bin/gettoken} (without {@code path}: every counter);
 *   <li>{@code GET /_control/messages?touser=…&contains=…&limit=…}: the latest messages received,
 *       newest first;
 *   <li>{@code GET /_control/messages/summary}: how many were received, distinct, and per outcome;
 *   <li>{@code {"resetWorkbench": true}} forgets the workbench template and everyone's data, {@code
 *       {"forgetWorkbenchLimits": true}} lets a minute pass for its limits; {@code GET
 *       /_control/workbench?userid=…} shows what a person's native tile shows;
 *   <li>{@code GET /_control/recalls?msgid=…&limit=…}: the {@code message/recall} calls answered
 *       ok, newest first (without {@code msgid}: all).
 * </ul>
 */
@WebServlet("/_control/*")
public class ControlServlet extends HttpServlet {
  @Inject StandInWeCom standIn;
  @Inject StandInFaults faults;
  @Inject StandInMessageStore messages;
  @Inject StandInWorkbench workbench;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (req.getPathInfo() != null && !"/".equals(req.getPathInfo())) {
      res.sendError(404);
      return;
    }
    JsonObject command = StandInJson.readObject(Http.text(req));
    if (command == null) {
      Http.badRequest(res, "body must be a JSON object");
      return;
    }
    JsonObjectBuilder done = StandInJson.ok();
    if (command.getBoolean("reset", false)) {
      faults.reset();
    }
    if (command.getBoolean("resetWorkbench", false)) {
      workbench.reset();
    }
    if (command.getBoolean("forgetWorkbenchLimits", false)) {
      workbench.forgetLimits();
    }
    if (command.get("failNext") instanceof JsonObject fail) {
      String path = fail.getString("path", "");
      if (!path.startsWith("/cgi-bin/")) {
        Http.badRequest(res, "failNext.path must look like /cgi-bin/gettoken");
        return;
      }
      faults.failNext(
          path,
          fail.getInt("errcode", -1),
          fail.getString("errmsg", null),
          fail.getInt("times", 1),
          Duration.ofMillis(fail.getInt("delayMs", 0)));
    }
    if (command.get("failFor") instanceof JsonObject outage) {
      String path = outage.getString("path", "");
      if (!path.startsWith("/cgi-bin/")) {
        Http.badRequest(res, "failFor.path must look like /cgi-bin/message/send");
        return;
      }
      faults.failFor(
          path,
          outage.getInt("errcode", -1),
          outage.getInt("httpStatus", 0),
          Duration.ofMillis(outage.getInt("ms", 0)));
    }
    if (command.getBoolean("expireAllTokens", false)) {
      done.add("expiredTokens", standIn.expireAllTokens());
    }
    if (command.containsKey("issueCode")) {
      JsonValue who = command.get("issueCode");
      done.add(
          "code",
          standIn.issueCode(who instanceof jakarta.json.JsonString s ? s.getString() : null));
    }
    if (command.get("ageMessages") instanceof JsonObject age) {
      String touser = age.getString("touser", "");
      if (touser.isBlank()) {
        Http.badRequest(res, "ageMessages needs touser and seconds");
        return;
      }
      done.add("aged", messages.age(touser, Duration.ofSeconds(age.getInt("seconds", 0))));
    }
    Http.json(res, done.build());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String what = req.getPathInfo() == null ? "" : req.getPathInfo();
    switch (what) {
      case "/calls" -> calls(req, res);
      case "/messages" -> received(req, res);
      case "/recalls" -> recalls(req, res);
      case "/workbench" -> workbench(req, res);
      case "/messages/summary" -> {
        JsonObjectBuilder summary = StandInJson.object();
        messages.summary().forEach(summary::add);
        Http.json(res, summary.build());
      }
      default -> res.sendError(404);
    }
  }

  private void calls(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getParameter("path");
    if (path == null || path.isBlank()) {
      JsonObjectBuilder all = StandInJson.object();
      faults.allCalls().forEach(all::add);
      Http.json(res, StandInJson.object().add("calls", all).build());
      return;
    }
    Http.json(res, StandInJson.object().add("path", path).add("calls", faults.calls(path)).build());
  }

  /**
   * {@code GET /_control/workbench?userid=…}: the template, and what that person's native tile
   * shows; without userid: the template, how many people have data, and up to {@code limit} of
   * them.
   */
  private void workbench(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonObjectBuilder out = StandInJson.object();
    JsonObject template = workbench.template();
    out.add("template", template == null ? jakarta.json.JsonValue.NULL : template);
    String userid = req.getParameter("userid");
    if (userid != null && !userid.isBlank()) {
      out.add("userid", userid).add("shown", workbench.shown(userid.strip()));
    } else {
      int limit = 100;
      try {
        limit = Math.max(1, Math.min(Integer.parseInt(req.getParameter("limit")), 20000));
      } catch (NumberFormatException e) {
        // the default
      }
      JsonObjectBuilder people = StandInJson.object();
      workbench.people(limit).forEach(people::add);
      out.add("peopleWithData", workbench.peopleWithData()).add("people", people);
    }
    Http.json(res, out.build());
  }

  private void recalls(HttpServletRequest req, HttpServletResponse res) throws IOException {
    int limit = 5000;
    try {
      limit = Math.max(1, Math.min(Integer.parseInt(req.getParameter("limit")), 50000));
    } catch (NumberFormatException e) {
      // the default
    }
    JsonArrayBuilder rows = StandInJson.array();
    for (StandInMessageStore.Recall r : messages.recalls(req.getParameter("msgid"), limit)) {
      rows.add(StandInJson.object().add("msgid", r.msgid()).add("at", r.at().toString()));
    }
    Http.json(res, StandInJson.object().add("recalls", rows).build());
  }

  private void received(HttpServletRequest req, HttpServletResponse res) throws IOException {
    int limit = 200;
    try {
      limit = Math.max(1, Math.min(Integer.parseInt(req.getParameter("limit")), 5000));
    } catch (NumberFormatException e) {
      // the default
    }
    JsonArrayBuilder rows = StandInJson.array();
    for (StandInMessage m :
        messages.latest(req.getParameter("touser"), req.getParameter("contains"), limit)) {
      rows.add(
          StandInJson.object()
              .add("id", m.id())
              .add("receivedAt", m.receivedAt().toString())
              .add("api", m.api())
              .add("touser", m.touser())
              .add("msgtype", m.msgtype())
              .add("msgid", m.msgid())
              .add("outcome", m.outcome())
              .add("body", m.body()));
    }
    Http.json(res, StandInJson.object().add("messages", rows).build());
  }
}
