package cn.edu.ntvu.workbench.wecom.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The JS-SDK signature of docs/wecom-api.md §3: lowercase hex SHA-1 of {@code
 * jsapi_ticket=…&noncestr=…&timestamp=…&url=…}, in that order and without URL-encoding, for the
 * page URL without its fragment. The same algorithm signs {@code config} (corp ticket) and {@code
 * agentConfig} (agent ticket).
 */
public record JsSdkSignature(long timestamp, String nonceStr, String signature) {

  public JsSdkSignature {
    Objects.requireNonNull(nonceStr, "nonceStr");
    Objects.requireNonNull(signature, "signature");
  }

  public static JsSdkSignature sign(String ticket, String nonceStr, long timestamp, String url) {
    String plain =
        "jsapi_ticket="
            + ticket
            + "&noncestr="
            + nonceStr
            + "&timestamp="
            + timestamp
            + "&url="
            + withoutFragment(url);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(plain.getBytes(StandardCharsets.UTF_8));
      return new JsSdkSignature(timestamp, nonceStr, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  public static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /**
   * Whether {@code url} is a page of ours: same scheme, host and port as {@code baseUrl} and under
   * its path. Only such URLs get a signature, so the endpoint signs nothing for another site.
   */
  public static boolean isOwnPage(String url, String baseUrl) {
    if (url == null || url.isEmpty() || url.length() > 2048) {
      return false;
    }
    try {
      URI page = new URI(withoutFragment(url));
      URI base = new URI(baseUrl);
      if (page.getScheme() == null
          || page.getRawAuthority() == null
          || page.getRawUserInfo() != null) {
        return false;
      }
      String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
      String pagePath =
          page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath();
      return page.getScheme()
              .toLowerCase(Locale.ROOT)
              .equals(base.getScheme().toLowerCase(Locale.ROOT))
          && page.getHost() != null
          && page.getHost().equalsIgnoreCase(base.getHost())
          && port(page) == port(base)
          && (pagePath.equals(basePath) || pagePath.startsWith(basePath + "/"))
          && !pagePath.contains("/../");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
