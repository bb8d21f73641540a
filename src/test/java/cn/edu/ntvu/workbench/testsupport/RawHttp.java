package cn.edu.ntvu.workbench.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request sent byte for byte as written — what {@code curl --path-as-is} does — so that a test
 * can send paths that Java's URI class would refuse or normalise ({@code ..}, backslashes, raw
 * control characters, bad escapes).
 */
public final class RawHttp {
  private RawHttp() {}

  /** The answer's status code and head (status line and headers). */
  public record Answer(int status, String head, String body) {}

  /** {@code method rawPath HTTP/1.1} to localhost:{@code port} with an optional Cookie header. */
  public static Answer send(int port, String method, String rawPath, String cookie) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      StringBuilder req = new StringBuilder();
      req.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
      req.append("Host: localhost:").append(port).append("\r\n");
      req.append("User-Agent: RawHttp\r\n");
      if (cookie != null) {
        req.append("Cookie: ").append(cookie).append("\r\n");
      }
      if (method.equals("POST")) {
        req.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n");
      }
      req.append("Connection: close\r\n\r\n");
      if (method.equals("POST")) {
        req.append("a=b");
      }
      OutputStream out = s.getOutputStream();
      // ISO-8859-1: every char below 256 goes out as that one byte, as written.
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] status = head.split(" ", 3);
      return new Answer(status.length > 1 ? Integer.parseInt(status[1]) : -1, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
