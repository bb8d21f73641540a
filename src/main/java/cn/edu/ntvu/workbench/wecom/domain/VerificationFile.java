package cn.edu.ntvu.workbench.wecom.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * WeCom's domain verification file (docs/wecom-api.md §8): the admin console hands out {@code
 * WW_verify_<random>.txt}, which must be reachable at the site root. Only that shape is accepted:
 * the name {@code WW_verify_} plus letters and digits, {@code .txt}; a small content of letters and
 * digits (surrounding whitespace dropped). Anything else could put arbitrary text at our root, so
 * it is refused with the reason.
 */
public record VerificationFile(String name, String content) {
  public static final int MAX_BYTES = 1024;
  public static final Pattern NAME = Pattern.compile("WW_verify_[A-Za-z0-9]{4,64}\\.txt");
  private static final Pattern CONTENT = Pattern.compile("[A-Za-z0-9]{4,128}");

  /** Why a file is refused: each a key of the wecom bundle. */
  public enum Problem {
    NO_FILE("wecom.setup.verify.error.noFile"),
    BAD_NAME("wecom.setup.verify.error.name"),
    TOO_LARGE("wecom.setup.verify.error.size"),
    BAD_CONTENT("wecom.setup.verify.error.content");

    private final String key;

    Problem(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** A refused upload. */
  public static class Refused extends RuntimeException {
    private final Problem problem;

    public Refused(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * Checks an uploaded file; the name is the file name the browser sent (any folder part dropped).
   */
  public static VerificationFile of(String submittedName, byte[] bytes) {
    if (submittedName == null || submittedName.isBlank() || bytes == null || bytes.length == 0) {
      throw new Refused(Problem.NO_FILE);
    }
    String name =
        submittedName.substring(
            Math.max(submittedName.lastIndexOf('/'), submittedName.lastIndexOf('\\')) + 1);
    if (!NAME.matcher(name).matches()) {
      throw new Refused(Problem.BAD_NAME);
    }
    if (bytes.length > MAX_BYTES) {
      throw new Refused(Problem.TOO_LARGE);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString()
              .strip();
    } catch (CharacterCodingException e) {
      throw new Refused(Problem.BAD_CONTENT);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (!CONTENT.matcher(text).matches()) {
      throw new Refused(Problem.BAD_CONTENT);
    }
    return new VerificationFile(name, text);
  }

  /** Whether a request path names a verification file ({@code /WW_verify_….txt}). */
  public static boolean isRequestPath(String path) {
    return path != null && path.startsWith("/") && NAME.matcher(path.substring(1)).matches();
  }
}
