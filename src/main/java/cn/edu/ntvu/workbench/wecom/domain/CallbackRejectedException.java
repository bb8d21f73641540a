package cn.edu.ntvu.workbench.wecom.domain;

/**
 * A callback we refuse: bad signature, foreign receiver, garbage. Carries the official
 * WXBizMsgCrypt error code (docs/wecom-api.md §4.2) and a short reason for the log and the 4xx
 * answer; never a secret or the plaintext.
 */
public class CallbackRejectedException extends RuntimeException {

  /** Why, with the official error code. */
  public enum Reason {
    MISSING_PARAMETER(-40001, "missing msg_signature, timestamp, nonce or encrypted message"),
    BAD_SIGNATURE(-40001, "msg_signature does not match"),
    STALE(-40001, "the timestamp is more than a day away from now"),
    BAD_XML(-40002, "the body is not the expected XML"),
    BAD_BASE64(-40010, "the encrypted message is not Base64"),
    BAD_CIPHERTEXT(-40007, "the encrypted message cannot be decrypted"),
    BAD_PADDING(-40007, "the decrypted message has a bad padding"),
    BAD_LAYOUT(-40008, "the decrypted message has a bad length"),
    WRONG_RECEIVER(-40005, "the message is for another corp (receiveid)");

    private final int code;
    private final String text;

    Reason(int code, String text) {
      this.code = code;
      this.text = text;
    }

    public int code() {
      return code;
    }

    public String text() {
      return text;
    }
  }

  private final Reason reason;

  public CallbackRejectedException(Reason reason) {
    super(reason.code() + " " + reason.text(), null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
