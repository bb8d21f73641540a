package cn.edu.ntvu.workbench.wecom.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto (WXBizMsgCrypt, docs/wecom-api.md §4.2), with the JDK's own AES only.
 *
 * <ul>
 *   <li>{@code msg_signature = sha1(sorted(token, timestamp, nonce, msg_encrypt) joined)},
 *       lowercase hex, compared in constant time;
 *   <li>AES-256-CBC, key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7
 *       padding to a multiple of <b>32</b> bytes (so {@code AES/CBC/NoPadding} and our own
 *       unpadding: JCE's PKCS5 refuses pad bytes above 16, §4.3);
 *   <li>plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ receiveid; the receiveid
 *       must be our CorpID (the check WxJava leaves out, §7.4).
 * </ul>
 *
 * Failures are {@link CallbackRejectedException}s naming the official error code; their messages
 * never contain the token, the key or the plaintext.
 */
public final class CallbackCrypto {

  static final int PAD_BLOCK = 32;
  private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");

  private final String token;
  private final byte[] aesKey;
  private final String receiveId;
  private final RandomGenerator random;

  /**
   * @param token the callback Token (1–32 letters or digits, as WeCom's console generates it)
   * @param encodingAesKey the 43-character EncodingAESKey
   * @param receiveId the CorpID for a self-built app's callbacks (§4.2)
   */
  public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
    this(token, encodingAesKey, receiveId, new SecureRandom());
  }

  CallbackCrypto(String token, String encodingAesKey, String receiveId, RandomGenerator random) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException("the callback Token must be 1-32 letters or digits");
    }
    if (!isValidAesKey(encodingAesKey)) {
      throw new IllegalArgumentException("the EncodingAESKey must be 43 letters or digits");
    }
    if (receiveId == null || receiveId.isBlank()) {
      throw new IllegalArgumentException("the receiveid (CorpID) is required");
    }
    this.token = token;
    this.aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
    this.receiveId = receiveId;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Whether a value has the EncodingAESKey's shape: 43 of [A-Za-z0-9] decoding to 32 bytes. */
  public static boolean isValidAesKey(String value) {
    return value != null && AES_KEY.matcher(value).matches();
  }

  /** Whether a value is usable as a callback Token. */
  public static boolean isValidToken(String value) {
    return value != null && TOKEN.matcher(value).matches();
  }

  /** A fresh random EncodingAESKey (for development settings and tests). */
  public static String newAesKey(RandomGenerator random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    // 32 bytes give 43 significant characters plus '='; '+' and '/' are not allowed by WeCom's
    // console.
    return encoded.substring(0, 43).replace('+', 'A').replace('/', 'B');
  }

  /** The signature WeCom computes over {@code token, timestamp, nonce, encrypted} (§4.2). */
  public String signature(String timestamp, String nonce, String encrypted) {
    String[] parts = {token, nullToEmpty(timestamp), nullToEmpty(nonce), nullToEmpty(encrypted)};
    Arrays.sort(parts);
    return sha1Hex(String.join("", parts));
  }

  /**
   * Checks {@code msg_signature} in constant time; throws {@link CallbackRejectedException} if it
   * differs.
   */
  public void verify(String msgSignature, String timestamp, String nonce, String encrypted) {
    if (msgSignature == null || encrypted == null || timestamp == null || nonce == null) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.MISSING_PARAMETER);
    }
    byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
    byte[] given = msgSignature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_SIGNATURE);
    }
  }

  /**
   * Verifies the signature, then decrypts: the GET {@code echostr} or the POST body's {@code
   * Encrypt}.
   */
  public String verifyAndDecrypt(
      String msgSignature, String timestamp, String nonce, String encrypted) {
    verify(msgSignature, timestamp, nonce, encrypted);
    return decrypt(encrypted);
  }

  /**
   * Decrypts {@code msg_encrypt} and checks its receiveid; the signature must have been checked
   * before.
   */
  public String decrypt(String encrypted) {
    byte[] cipherText;
    try {
      cipherText = Base64.getDecoder().decode(encrypted.strip());
    } catch (IllegalArgumentException e) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_BASE64);
    }
    if (cipherText.length == 0 || cipherText.length % PAD_BLOCK != 0) {
      // AES blocks are 16 bytes, WeCom pads to 32: anything else was cut or made up.
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_CIPHERTEXT);
    }
    byte[] plain;
    try {
      plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
    } catch (GeneralSecurityException e) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_CIPHERTEXT);
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_PADDING);
    }
    for (int i = plain.length - pad; i < plain.length; i++) {
      if ((plain[i] & 0xff) != pad) {
        throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_PADDING);
      }
    }
    int contentLength = plain.length - pad;
    if (contentLength < 20) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_LAYOUT);
    }
    int messageLength = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (messageLength < 0 || messageLength > contentLength - 20) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.BAD_LAYOUT);
    }
    String from =
        new String(
            plain, 20 + messageLength, contentLength - 20 - messageLength, StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(
        from.getBytes(StandardCharsets.UTF_8), receiveId.getBytes(StandardCharsets.UTF_8))) {
      throw new CallbackRejectedException(CallbackRejectedException.Reason.WRONG_RECEIVER);
    }
    return new String(plain, 20, messageLength, StandardCharsets.UTF_8);
  }

  /**
   * Encrypts a message as WeCom would, with a fresh 16-byte random prefix (passive replies, tests,
   * stand-in).
   */
  public String encrypt(String message) {
    byte[] prefix = new byte[16];
    random.nextBytes(prefix);
    return encrypt(message, prefix, receiveId);
  }

  /**
   * Encrypts with a given random prefix and receiveid: for the deterministic vector and tampered
   * tests.
   */
  String encrypt(String message, byte[] randomPrefix, String receiver) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] rid = receiver.getBytes(StandardCharsets.UTF_8);
    int length = 16 + 4 + msg.length + rid.length;
    int pad = PAD_BLOCK - (length % PAD_BLOCK);
    ByteBuffer plain = ByteBuffer.allocate(length + pad);
    plain.put(randomPrefix, 0, 16).putInt(msg.length).put(msg).put(rid);
    for (int i = 0; i < pad; i++) {
      plain.put((byte) pad);
    }
    try {
      return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC is not available in this JDK", e);
    }
  }

  /** Encrypts a reply and signs it: the four values of a passive reply (§4.1). */
  public Sealed seal(String message, String timestamp, String nonce) {
    String encrypted = encrypt(message);
    return new Sealed(encrypted, signature(timestamp, nonce, encrypted), timestamp, nonce);
  }

  /** An encrypted and signed message: what WeCom posts, or what we answer. */
  public record Sealed(String encrypted, String msgSignature, String timestamp, String nonce) {
    /**
     * The passive reply / callback body {@code
     * <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}.
     */
    public String replyXml() {
      return "<xml><Encrypt><![CDATA["
          + encrypted
          + "]]></Encrypt><MsgSignature><![CDATA["
          + msgSignature
          + "]]></MsgSignature><TimeStamp>"
          + timestamp
          + "</TimeStamp><Nonce><![CDATA["
          + nonce
          + "]]></Nonce></xml>";
    }
  }

  private Cipher cipher(int mode) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(aesKey, "AES"),
        new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
    return cipher;
  }

  static String sha1Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return "CallbackCrypto[token=***, aesKey=***, receiveId=" + receiveId + "]";
  }
}
