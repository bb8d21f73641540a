package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * One HTTP exchange with the WeCom server API. Kept this small so that the token and retry rules
 * can be tested with a fake, and so that an implementation has one job: send, parse the JSON body,
 * and turn every transport failure into {@link WeComUnavailableException}.
 *
 * <p>Implementations must never log the query: it carries {@code access_token} or {@code
 * corpsecret}.
 */
public interface WeComHttp {

  /**
   * {@code GET apiBaseUrl + path ? query}.
   *
   * @param path for example {@code /cgi-bin/gettoken}
   * @return the JSON body as WeCom sent it, errcode included
   * @throws WeComUnavailableException on timeouts, network errors, non-2xx answers or a body that
   *     is not a JSON object
   */
  JsonObject get(String path, Map<String, String> query);

  /** {@code POST apiBaseUrl + path ? query} with a JSON body; otherwise as {@link #get}. */
  JsonObject post(String path, Map<String, String> query, JsonObject body);

  /**
   * {@code POST apiBaseUrl + path ? query} with a {@code multipart/form-data} body of one part
   * {@code media} holding a file ({@code media/upload}, docs/wecom-api.md §6.4); otherwise as
   * {@link #get}.
   */
  default JsonObject upload(
      String path, Map<String, String> query, String filename, byte[] content) {
    throw new UnsupportedOperationException(
        "upload is not supported by " + getClass().getSimpleName());
  }
}
