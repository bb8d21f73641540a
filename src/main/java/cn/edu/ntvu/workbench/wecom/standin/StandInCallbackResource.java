package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
 * {@code POST /rest/standin/wecom/_callback}: makes the stand-in call our callback URL as WeCom would. Body either
 * {@code {"xml": "<xml>…</xml>"}} (any plaintext message) or {@code {"templateCardEvent": {"fromUser": "10001",
 * "eventKey": "approve:42", "taskId": "leave-42", "createTime": 1764037200}}} (a card button click). Answers {@code
 * {"status": 200, "body": "…"}} with what the callback answered. Development mode only.
 */
@Path("standin/wecom/_callback")
@RequestScoped
public class StandInCallbackResource {

  @Inject StandInCallbacks callbacks;

  @Inject StandInCallbackLog log;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public Response send(String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject command = StandInRequests.readObject(body);
    if (command == null) {
      return StandInRequests.badRequest("body must be a JSON object");
    }
    String xml;
    if (command.get("templateCardEvent") instanceof JsonObject click) {
      String from = click.getString("fromUser", "");
      String key = click.getString("eventKey", "");
      String task = click.getString("taskId", "");
      if (from.isBlank() || key.isBlank() || task.isBlank()) {
        return StandInRequests.badRequest("templateCardEvent needs fromUser, eventKey and taskId");
      }
      long created =
          click.containsKey("createTime")
              ? click.getJsonNumber("createTime").longValue()
              : System.currentTimeMillis() / 1000;
      xml = callbacks.templateCardEvent(from, key, task, created);
    } else if (!command.getString("xml", "").isBlank()) {
      xml = command.getString("xml");
    } else {
      return StandInRequests.badRequest("give xml or templateCardEvent");
    }
    StandInCallbacks.Delivery delivery = callbacks.send(xml);
    return Response.ok(
            Jsons.createObjectBuilder()
                .add("status", delivery.status())
                .add("body", delivery.body())
                .add("xml", xml)
                .build()
                .toString())
        .build();
  }

  /** {@code GET …/_callback/received}: what the micro-apps were handed, oldest first. */
  @GET
  @Path("received")
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public String received() {
    StandInRequests.requireDevMode(appMode);
    JsonArrayBuilder all = Jsons.createArrayBuilder();
    for (WeComCallbackMessage m : log.received()) {
      JsonObjectBuilder fields = Jsons.createObjectBuilder();
      m.fields().forEach(fields::add);
      all.add(
          Jsons.createObjectBuilder()
              .add("dedupeKey", m.dedupeKey())
              .add("msgType", String.valueOf(m.msgType()))
              .add("event", String.valueOf(m.event()))
              .add("fromUser", String.valueOf(m.fromUser()))
              .add("eventKey", String.valueOf(m.eventKey()))
              .add("taskId", String.valueOf(m.taskId()))
              .add("responseCode", String.valueOf(m.responseCode()))
              .add("agentId", String.valueOf(m.agentId()))
              .add("createTime", m.createTime())
              .add("msgId", String.valueOf(m.msgId()))
              .add("fields", fields));
    }
    return Jsons.createObjectBuilder().add("received", all).build().toString();
  }

  /** {@code POST …/_callback/received} with {@code {"reset": true}}, {@code {"failNext": 1}} and/or {@code
   * {"replyNext": "<xml>…</xml>"}}. */
  @POST
  @Path("received")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
  public Response controlReceived(String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject command = StandInRequests.readObject(body);
    if (command == null) {
      return StandInRequests.badRequest("body must be a JSON object");
    }
    if (command.getBoolean("reset", false)) {
      log.reset();
    }
    if (command.containsKey("failNext")) {
      log.failNext(command.getInt("failNext", 0));
    }
    if (!command.getString("replyNext", "").isBlank()) {
      log.replyNext(command.getString("replyNext"));
    }
    return Response.ok("{\"errcode\":0,\"errmsg\":\"ok\"}").build();
  }
}
