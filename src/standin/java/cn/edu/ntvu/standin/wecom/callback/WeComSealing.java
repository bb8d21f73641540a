package cn.edu.ntvu.standin.wecom.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's side of the callback crypto (WXBizMsgCrypt, wecom-api-notes §4.2), written for the
 * stand-in on its own so that the app's decryption is checked against an independent encryption:
 * plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ receiveid (the CorpID),
 * PKCS#7-padded to a multiple of 32 bytes, AES-256-CBC with key = Base64(EncodingAESKey + "=") and
 * IV = the key's first 16 bytes; {@code msg_signature = sha1(sorted(token, timestamp, nonce,
 * encrypted) joined)} in lowercase hex.
 */
public final class WeComSealing {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final byte[] key;
  private final String receiveId;

  public WeComSealing(String token, String encodingAesKey, String receiveId) {
    this.token = token;
    this.key = Base64.getDecoder().decode(encodingAesKey + "=");
    this.receiveId = receiveId;
  }

  /** What WeCom posts: the encrypted message and its signature. */
  public record Sealed(String encrypted, String msgSignature) {}

  public Sealed seal(String message, String timestamp, String nonce) {
    String encrypted = encrypt(message);
    return new Sealed(encrypted, signature(timestamp, nonce, encrypted));
  }

  String encrypt(String message) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] rid = receiveId.getBytes(StandardCharsets.UTF_8);
    byte[] prefix = new byte[16];
    RANDOM.nextBytes(prefix);
    int length = 16 + 4 + msg.length + rid.length;
    int pad = 32 - (length % 32);
    ByteBuffer plain = ByteBuffer.allocate(length + pad);
    plain.put(prefix).putInt(msg.length).put(msg).put(rid);
    for (int i = 0; i < pad; i++) {
      plain.put((byte) pad);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
    }
  }

  String signature(String timestamp, String nonce, String encrypted) {
    String[] parts = {token, timestamp, nonce, encrypted};
    Arrays.sort(parts);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1")
                  .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
