package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test and development control of the stand-in's contacts: {@code POST _contacts} with {@code {"reset": true}}
 * (empty contacts) or {@code {"status": {"userid": "2024001", "status": 1}}} (a member joins: 1, is disabled: 2,
 * leaves: 5 — posting {@code change_contact} to our callback as WeCom would); {@code GET _contacts} counts members.
 */
@Path("standin/wecom/_contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class StandInContactsControl {

  @Inject StandInContacts contacts;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  @GET
  public String count() {
    StandInRequests.requireDevMode(appMode);
    return Jsons.createObjectBuilder().add("members", contacts.memberCount()).build().toString();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response control(String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject command = StandInRequests.readObject(body);
    if (command == null) {
      return StandInRequests.badRequest("body must be a JSON object");
    }
    if (command.getBoolean("reset", false)) {
      contacts.reset();
    }
    if (command.get("status") instanceof JsonObject status) {
      int code = status.getInt("status", 0);
      if (code != 1 && code != 2 && code != 4 && code != 5) {
        return StandInRequests.badRequest("status must be 1, 2, 4 or 5");
      }
      if (!contacts.setStatus(status.getString("userid", ""), code)) {
        return StandInRequests.badRequest("no such member");
      }
    }
    return Response.ok(Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "ok").build().toString()).build();
  }
}
