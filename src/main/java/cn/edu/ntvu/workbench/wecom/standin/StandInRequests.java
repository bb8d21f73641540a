package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** What every stand-in endpoint does first: answer only in development mode, read a JSON body, refuse a bad one. */
final class StandInRequests {
  private StandInRequests() {}

  /** Outside development mode the stand-in does not exist: 404. */
  static void requireDevMode(String appMode) {
    if (!"dev".equals(appMode)) {
      throw new NotFoundException();
    }
  }

  /** The body as a JSON object, or null when it is not one. */
  static JsonObject readObject(String body) {
    try (JsonReader reader = Jsons.createReader(new StringReader(body == null ? "" : body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  static Response badRequest(String reason) {
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(Jsons.createObjectBuilder().add("error", reason).build().toString())
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
