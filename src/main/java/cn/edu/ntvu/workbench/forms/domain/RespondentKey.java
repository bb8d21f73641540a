package cn.edu.ntvu.workbench.forms.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who answered, as the response tables keep it: HMAC-SHA256 of form id and account under a server
 * secret. An anonymous response stores only this key, so its row names nobody — not to the owner,
 * an admin, an export or a database dump — while the server, knowing the secret, can still find
 * "this person's answer" to enforce one response per person, keep a draft and let them edit. Per
 * form, so keys of two forms cannot be matched up.
 */
public final class RespondentKey {
  private static final int MIN_SECRET_BYTES = 32;
  private final byte[] secret;

  public RespondentKey(String secret) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the anonymity secret needs at least 32 bytes");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** 64 hex characters. */
  public String of(long formId, String account) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((formId + ":" + account).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
