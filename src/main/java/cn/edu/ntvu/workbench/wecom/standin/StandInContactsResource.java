package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP face of the stand-in's contacts ({@link StandInContacts}) under {@code /rest/standin/wecom/cgi-bin/{department,
 * user,batch,media}/…}, and its test control {@code /rest/standin/wecom/_contacts}. 404 outside development mode.
 */
@Path("standin/wecom/cgi-bin/{group: department|user|batch|media}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class StandInContactsResource {

  @Inject StandInContacts contacts;

  @Inject StandInFaults faults;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  @GET
  @Path("{op}")
  public Response get(@PathParam("group") String group, @PathParam("op") String op, @Context UriInfo uri) {
    StandInRequests.requireDevMode(appMode);
    Map<String, String> query = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    return answer(contacts.call(group + "/" + op, query.get("access_token"), query, null));
  }

  @POST
  @Path("{op}")
  public Response post(@PathParam("group") String group, @PathParam("op") String op, @Context UriInfo uri,
      @HeaderParam("Content-Type") String contentType, byte[] body) {
    StandInRequests.requireDevMode(appMode);
    String token = uri.getQueryParameters().getFirst("access_token");
    if ("media".equals(group) && "upload".equals(op)) {
      byte[] file = multipartFile(contentType, body);
      return answer(contacts.upload(token, uri.getQueryParameters().getFirst("type"), file));
    }
    JsonObject request = StandInRequests.readObject(new String(body == null ? new byte[0] : body,
        StandardCharsets.UTF_8));
    if (request == null) {
      return answer(Jsons.createObjectBuilder().add("errcode", 47001).add("errmsg", "data format error").build());
    }
    Map<String, String> query = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    return answer(contacts.call(group + "/" + op, token, query, request));
  }

  /** The content of the {@code media} part of a multipart/form-data body, or null. */
  static byte[] multipartFile(String contentType, byte[] body) {
    if (contentType == null || body == null || !contentType.contains("boundary=")) {
      return null;
    }
    String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
    int semicolon = boundary.indexOf(';');
    if (semicolon >= 0) {
      boundary = boundary.substring(0, semicolon);
    }
    byte[] marker = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, marker, 0);
    while (start >= 0) {
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd < 0) {
        return null;
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
      if (next < 0) {
        return null;
      }
      if (headers.contains("name=\"media\"")) {
        return Arrays.copyOfRange(body, headersEnd + 4, next);
      }
      start = next + 2;
    }
    return null;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Response answer(JsonObject answer) {
    if (answer.get(StandInFaults.HTTP_STATUS) instanceof jakarta.json.JsonNumber status) {
      return Response.status(status.intValue()).entity("stand-in outage").type(MediaType.TEXT_PLAIN).build();
    }
    return Response.ok(answer.toString()).build();
  }
}
