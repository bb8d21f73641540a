package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The stand-in's JS-SDK tickets (wecom-api-notes §2.2): {@code get_jsapi_ticket} (corp) and {@code
 * ticket/get?type=agent_config} (agent), each answering a fresh random ticket valid 7200 s for a valid access_token,
 * with WeCom's error codes otherwise. Calls are counted by {@link StandInFaults} like the other APIs.
 */
@ApplicationScoped
public class StandInTickets {
  static final String CORP_TICKET = "/cgi-bin/get_jsapi_ticket";
  static final String AGENT_TICKET = "/cgi-bin/ticket/get";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject StandInGrants grants;
  @Inject StandInFaults faults;

  public JsonObject corpTicket(String accessToken) {
    return ticket(CORP_TICKET, accessToken, null);
  }

  public JsonObject agentTicket(String accessToken, String type) {
    return ticket(AGENT_TICKET, accessToken, type == null ? "" : type);
  }

  private JsonObject ticket(String path, String accessToken, String type) {
    Optional<JsonObject> fault = faults.onCall(path);
    if (fault.isPresent()) {
      return fault.get();
    }
    if (accessToken == null || accessToken.isBlank()) {
      return error(41001, "access_token missing");
    }
    boolean valid =
        grants.find(accessToken, StandInGrant.Type.TOKEN)
            .filter(t -> t.validAt(Clock.systemUTC().instant()))
            .isPresent();
    if (!valid) {
      return error(40014, "invalid access_token");
    }
    if (type != null && !"agent_config".equals(type)) {
      return error(40097, "invalid args");
    }
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return Jsons.createObjectBuilder()
        .add("errcode", 0)
        .add("errmsg", "ok")
        .add("ticket", "standin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .add("expires_in", 7200)
        .build();
  }

  private static JsonObject error(int errcode, String errmsg) {
    return Jsons.createObjectBuilder().add("errcode", errcode).add("errmsg", errmsg).build();
  }
}
