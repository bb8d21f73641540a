package cn.edu.ntvu.workbench.platform.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends a file someone uploaded (a leave attachment, a 收集表 answer file): as the type recognised from its content at
 * upload, never sniffed by the browser, under its original name (RFC 5987, so Chinese names survive).
 */
public final class StoredFileResponse {
  private StoredFileResponse() {}

  public static void send(HttpServletResponse resp, String contentType, String fileName, boolean inline,
      String cacheControl, byte[] bytes) throws IOException {
    resp.setContentType(contentType);
    resp.setContentLength(bytes.length);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Cache-Control", cacheControl);
    resp.setHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    resp.getOutputStream().write(bytes);
  }
}
