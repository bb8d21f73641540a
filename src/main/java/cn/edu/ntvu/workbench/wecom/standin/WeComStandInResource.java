package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP face of the stand-in under {@code /rest/standin/wecom}. Answers 404 unless {@code
 * app.mode=dev}, in addition to the application's own guard, so that a production deployment never
 * hands out tokens. Like WeCom it answers HTTP 200 with an errcode for API errors.
 */
@Path("standin/wecom")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class WeComStandInResource {

  @Inject StandInWeCom standIn;

  @Inject StandInFaults faults;

  @Inject StandInMessaging messaging;

  @Inject StandInMessageStore messages;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  @GET
  @Path("cgi-bin/gettoken")
  public String gettoken(
      @QueryParam("corpid") String corpid, @QueryParam("corpsecret") String corpsecret) {
    StandInRequests.requireDevMode(appMode);
    return standIn.gettoken(corpid, corpsecret).toString();
  }

  @GET
  @Path("cgi-bin/auth/getuserinfo")
  public String getuserinfo(
      @QueryParam("access_token") String accessToken, @QueryParam("code") String code) {
    StandInRequests.requireDevMode(appMode);
    return standIn.getuserinfo(accessToken, code).toString();
  }

  @POST
  @Path("cgi-bin/message/send")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response messageSend(@QueryParam("access_token") String accessToken, String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject request = StandInRequests.readObject(body);
    return request == null ? invalidJson() : answer(messaging.send(accessToken, request));
  }

  @POST
  @Path("cgi-bin/message/update_template_card")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateTemplateCard(@QueryParam("access_token") String accessToken, String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject request = StandInRequests.readObject(body);
    return request == null ? invalidJson() : answer(messaging.updateTemplateCard(accessToken, request));
  }

  /**
   * {@code GET _control/messages?touser=…&limit=…}: the latest messages received (newest first), for tests and the
   * dev page; without {@code touser}, for everyone.
   */
  @GET
  @Path("_control/messages")
  public String receivedMessages(@QueryParam("touser") String touser, @QueryParam("limit") Integer limit) {
    StandInRequests.requireDevMode(appMode);
    jakarta.json.JsonArrayBuilder rows = Jsons.createArrayBuilder();
    for (StandInMessage m : messages.latest(touser, limit == null ? 200 : Math.max(1, Math.min(limit, 5000)))) {
      rows.add(Jsons.createObjectBuilder()
          .add("id", m.id())
          .add("receivedAt", m.receivedAt().toString())
          .add("api", m.api())
          .add("touser", m.touser())
          .add("msgtype", m.msgtype())
          .add("msgid", m.msgid())
          .add("outcome", m.outcome())
          .add("body", m.body()));
    }
    return Jsons.createObjectBuilder().add("messages", rows).build().toString();
  }


  /** WeCom answers HTTP 200 with an errcode; an injected outage may ask for an HTTP error instead. */
  private static Response answer(JsonObject answer) {
    if (answer.get(StandInFaults.HTTP_STATUS) instanceof jakarta.json.JsonNumber status) {
      return Response.status(status.intValue()).entity("stand-in outage").type(MediaType.TEXT_PLAIN).build();
    }
    return Response.ok(answer.toString()).build();
  }

  private static Response invalidJson() {
    // WeCom's answer to a body it cannot parse.
    return Response.ok(Jsons.createObjectBuilder().add("errcode", 47001).add("errmsg", "data format error").build()
        .toString()).build();
  }

  /**
   * Test control. Accepts any of {@code {"failNext": {"path": "/cgi-bin/gettoken", "errcode": -1,
   * "times": 2, "errmsg": "…", "delayMs": 6000}}}, {@code {"failFor": {"path": "/cgi-bin/message/send", "errcode": -1,
   * "httpStatus": 0, "ms": 5000}}} (an outage that ends by itself), {@code {"expireAllTokens": true}} and {@code
   * {"reset": true}} (clears pending faults and counters). {@code errcode 0} with {@code delayMs}
   * delays normal answers, for read-timeout tests.
   */
  @POST
  @Path("_control")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response control(String body) {
    StandInRequests.requireDevMode(appMode);
    JsonObject command = StandInRequests.readObject(body);
    if (command == null) {
      return StandInRequests.badRequest("body must be a JSON object");
    }
    JsonObjectBuilder done = Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "ok");
    if (command.getBoolean("reset", false)) {
      faults.reset();
    }
    if (command.get("failNext") instanceof JsonObject fail) {
      String path = fail.getString("path", "");
      if (!path.startsWith("/cgi-bin/")) {
        return StandInRequests.badRequest("failNext.path must look like /cgi-bin/gettoken");
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
        return StandInRequests.badRequest("failFor.path must look like /cgi-bin/message/send");
      }
      faults.failFor(path, outage.getInt("errcode", -1), outage.getInt("httpStatus", 0),
          Duration.ofMillis(outage.getInt("ms", 0)));
    }
    if (command.getBoolean("expireAllTokens", false)) {
      done.add("expiredTokens", standIn.expireAllTokens());
    }
    return Response.ok(done.build().toString()).build();
  }

  /** {@code GET _control/calls?path=/cgi-bin/gettoken}; without {@code path}, every counter. */
  @GET
  @Path("_control/calls")
  public String calls(@QueryParam("path") String path) {
    StandInRequests.requireDevMode(appMode);
    if (path == null || path.isBlank()) {
      JsonObjectBuilder all = Jsons.createObjectBuilder();
      faults.allCalls().forEach(all::add);
      return Jsons.createObjectBuilder().add("calls", all).build().toString();
    }
    return Jsons.createObjectBuilder()
        .add("path", path)
        .add("calls", faults.calls(path))
        .build()
        .toString();
  }
}
