package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.StandInJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The JS-SDK tickets (wecom-api-notes §2.2): {@code get_jsapi_ticket} (corp) and {@code
 * ticket/get?type=agent_config} (agent), each answering a fresh random ticket valid 7200 s for a
 * valid access_token, with WeCom's error codes otherwise. Calls are counted by {@link
 * StandInFaults} like the other APIs.
 */
@ApplicationScoped
public class StandInTickets {
  static final String CORP_TICKET = "/cgi-bin/get_jsapi_ticket";
  static final String AGENT_TICKET = "/cgi-bin/ticket/get";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject StandInWeCom standIn;
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
      return StandInJson.error(41001, "access_token missing");
    }
    if (!standIn.isValidToken(accessToken)) {
      return StandInJson.error(40014, "invalid access_token");
    }
    if (type != null && !"agent_config".equals(type)) {
      return StandInJson.error(40097, "invalid args");
    }
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return StandInJson.ok()
        .add("ticket", "standin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
        .add("expires_in", 7200)
        .build();
  }
}
