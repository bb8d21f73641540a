package cn.edu.ntvu.workbench.portal.domain;

import java.util.List;

/**
 * A tile an admin entered that cannot be saved; {@link #key()} names the message in {@code
 * i18n.workbench}.
 */
public class TileInputException extends RuntimeException {
  private final String key;
  private final List<String> args;

  public TileInputException(String key, String... args) {
    super(key + " " + List.of(args));
    this.key = key;
    this.args = List.of(args);
  }

  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
