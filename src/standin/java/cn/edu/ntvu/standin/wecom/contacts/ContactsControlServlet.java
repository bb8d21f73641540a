package cn.edu.ntvu.standin.wecom.contacts;

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
 * Test and development control of the contacts: {@code POST /_contacts} with {@code {"reset":
 * true}} (empty contacts) or {@code {"status": {"userid": "2024001", "status": 1}}} (a member
 * joins: 1, is disabled: 2, not activated: 4, leaves: 5 — posting {@code change_contact} to the
 * app's callback as WeCom would); {@code GET /_contacts} counts members.
 */
@WebServlet("/_contacts")
public class ContactsControlServlet extends HttpServlet {
  @Inject StandInContacts contacts;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Http.json(res, StandInJson.object().add("members", contacts.memberCount()).build());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    JsonObject command = StandInJson.readObject(Http.text(req));
    if (command == null) {
      Http.badRequest(res, "body must be a JSON object");
      return;
    }
    if (command.getBoolean("reset", false)) {
      contacts.reset();
    }
    if (command.get("status") instanceof JsonObject status) {
      int code = status.getInt("status", 0);
      if (code != 1 && code != 2 && code != 4 && code != 5) {
        Http.badRequest(res, "status must be 1, 2, 4 or 5");
        return;
      }
      if (!contacts.setStatus(status.getString("userid", ""), code)) {
        Http.badRequest(res, "no such member");
        return;
      }
    }
    Http.json(res, StandInJson.ok().build());
  }
}
