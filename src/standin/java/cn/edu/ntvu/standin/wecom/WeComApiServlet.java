package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Http;
import cn.edu.ntvu.standin.StandInJson;
import cn.edu.ntvu.standin.wecom.contacts.Multipart;
import cn.edu.ntvu.standin.wecom.contacts.StandInContacts;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * WeCom's server API under {@code /wecom-standin/cgi-bin/}, the paths of {@code
 * qyapi.weixin.qq.com}: tokens and sign-in codes, JS-SDK tickets, application messages and
 * contacts. Like WeCom it answers HTTP 200 with an errcode for API errors, and {@code 47001 data
 * format error} for a body that is not JSON.
 */
@WebServlet("/cgi-bin/*")
public class WeComApiServlet extends HttpServlet {
  private static final Pattern CONTACTS = Pattern.compile("(department|user|batch|media)/[a-z_]+");

  @Inject StandInWeCom standIn;
  @Inject StandInTickets tickets;
  @Inject StandInMessaging messaging;
  @Inject StandInContacts contacts;
  @Inject StandInWorkbench workbench;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String api = api(req);
    Map<String, String> q = Http.query(req);
    String token = q.get("access_token");
    JsonObject answer =
        switch (api) {
          case "gettoken" -> standIn.gettoken(q.get("corpid"), q.get("corpsecret"));
          case "auth/getuserinfo" -> standIn.getuserinfo(token, q.get("code"));
          case "get_jsapi_ticket" -> tickets.corpTicket(token);
          case "ticket/get" -> tickets.agentTicket(token, q.get("type"));
          default -> CONTACTS.matcher(api).matches() ? contacts.call(api, token, q, null) : null;
        };
    answer(res, answer);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String api = api(req);
    Map<String, String> q = Http.query(req);
    String token = q.get("access_token");
    byte[] body = Http.body(req);
    if ("media/upload".equals(api)) {
      answer(
          res,
          contacts.upload(
              token, q.get("type"), Multipart.file(req.getContentType(), body, "media")));
      return;
    }
    JsonObject request = StandInJson.readObject(new String(body, StandardCharsets.UTF_8));
    if (request == null) {
      answer(res, StandInJson.error(47001, "data format error"));
      return;
    }
    JsonObject answer =
        switch (api) {
          case "message/send" -> messaging.send(token, request);
          case "message/update_template_card" -> messaging.updateTemplateCard(token, request);
          case "message/recall" -> messaging.recall(token, request);
          case "agent/set_workbench_template" -> workbench.setTemplate(token, request);
          case "agent/get_workbench_template" -> workbench.getTemplate(token, request);
          case "agent/set_workbench_data" -> workbench.setData(token, request);
          case "agent/batch_set_workbench_data" -> workbench.batchSetData(token, request);
          case "agent/get_workbench_data" -> workbench.getData(token, request);
          default -> CONTACTS.matcher(api).matches() ? contacts.call(api, token, q, request) : null;
        };
    answer(res, answer);
  }

  private static String api(HttpServletRequest req) {
    String path = req.getPathInfo();
    return path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
  }

  private static void answer(HttpServletResponse res, JsonObject answer) throws IOException {
    if (answer == null) {
      res.sendError(404);
      return;
    }
    Http.json(res, answer);
  }
}
