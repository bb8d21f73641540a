package cn.edu.ntvu.standin.wecom.callback;

import cn.edu.ntvu.standin.Http;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /_callback}: makes the stand-in call the app's callback URL as WeCom would. Body
 * either {@code {"xml": "<xml>…</xml>"}} (any plaintext message) or {@code {"templateCardEvent":
 * {"fromUser": "10001", "eventKey": "approve:42", "taskId": "leave-42", "createTime": 1764037200}}}
 * (a card button click). Answers {@code {"status": 200, "body": "…", "xml": "…"}} with what the
 * callback answered and what was sent.
 */
@WebServlet("/_callback")
public class CallbackControlServlet extends HttpServlet {
  @Inject CallbackSender callbacks;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonObject command = StandInJson.readObject(Http.text(req));
    if (command == null) {
      Http.badRequest(res, "body must be a JSON object");
      return;
    }
    String xml;
    if (command.get("templateCardEvent") instanceof JsonObject click) {
      String from = click.getString("fromUser", "");
      String key = click.getString("eventKey", "");
      String task = click.getString("taskId", "");
      if (from.isBlank() || key.isBlank() || task.isBlank()) {
        Http.badRequest(res, "templateCardEvent needs fromUser, eventKey and taskId");
        return;
      }
      long created =
          click.containsKey("createTime")
              ? click.getJsonNumber("createTime").longValue()
              : System.currentTimeMillis() / 1000;
      xml = callbacks.templateCardEvent(from, key, task, created);
    } else if (!command.getString("xml", "").isBlank()) {
      xml = command.getString("xml");
    } else {
      Http.badRequest(res, "give xml or templateCardEvent");
      return;
    }
    CallbackSender.Delivery delivery = callbacks.send(xml);
    Http.json(
        res,
        StandInJson.object()
            .add("status", delivery.status())
            .add("body", delivery.body())
            .add("xml", xml)
            .build());
  }
}
