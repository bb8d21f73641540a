package cn.edu.ntvu.workbench.forms.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to a form's export, for WeCom's in-app browser: its file preview ({@code
 * ww.previewFile}) and the system browser fetch the file without the page's session, so the link
 * itself carries who may have it. A link names the form, the format, the person it was made for and
 * when it ends, and carries HMAC-SHA256 of all four under a server secret (the same on every
 * server, so any server can check a link another made; nothing is kept anywhere). The token is
 * {@code <form>.<person>.<expires, epoch seconds>.<MAC, base64url>}.
 */
public final class ExportLinkKey {
  private static final int MIN_SECRET_BYTES = 32;
  private final byte[] secret;

  /** What a token says once its MAC is right. */
  public record Link(long formId, String format, long personId, long expiresAt) {}

  /** What a presented token turned out to be. */
  public sealed interface Check {
    /** Signed by us, for this format, and still valid at the time asked. */
    record Valid(Link link) implements Check {}

    /** Signed by us, but its time is over. */
    record Expired(Link link) implements Check {}

    /** Not a token of ours: malformed, another format, or any part changed. */
    record Forged() implements Check {}
  }

  public ExportLinkKey(String secret) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the export link secret needs at least 32 bytes");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The token of {@code link}. */
  public String sign(Link link) {
    return link.formId()
        + "."
        + link.personId()
        + "."
        + link.expiresAt()
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(link));
  }

  /**
   * Checks {@code token} presented for a file of {@code format} at {@code nowEpochSeconds}: valid
   * until (not including) its end.
   */
  public Check check(String token, String format, long nowEpochSeconds) {
    Optional<Link> link = parse(token, format);
    if (link.isEmpty()) {
      return new Check.Forged();
    }
    byte[] presented;
    try {
      presented = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    } catch (IllegalArgumentException e) {
      return new Check.Forged();
    }
    if (!MessageDigest.isEqual(presented, mac(link.get()))) {
      return new Check.Forged();
    }
    return nowEpochSeconds < link.get().expiresAt()
        ? new Check.Valid(link.get())
        : new Check.Expired(link.get());
  }

  private static Optional<Link> parse(String token, String format) {
    if (token == null || token.length() > 200 || format == null) {
      return Optional.empty();
    }
    String[] p = token.split("\\.", -1);
    if (p.length != 4 || p[3].isEmpty()) {
      return Optional.empty();
    }
    try {
      long form = Long.parseLong(p[0]);
      long person = Long.parseLong(p[1]);
      long expires = Long.parseLong(p[2]);
      if (form <= 0
          || person <= 0
          || !p[0].equals(Long.toString(form))
          || !p[1].equals(Long.toString(person))
          || !p[2].equals(Long.toString(expires))) {
        return Optional.empty();
      }
      return Optional.of(new Link(form, format, person, expires));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(Link link) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String signed =
          "forms-export:"
              + link.formId()
              + ":"
              + link.format()
              + ":"
              + link.personId()
              + ":"
              + link.expiresAt();
      return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
