package cn.edu.ntvu.workbench.attendance.application;

import java.util.List;

/**
 * A roll call that cannot be opened or saved, with the HTTP status and the sentence ({@code
 * i18n.attendance} key and its arguments) the page shows instead.
 */
public class RollCallRefused extends RuntimeException {
  private final int status;
  private final String key;
  private final List<String> args;

  public RollCallRefused(int status, String key, String... args) {
    super(key);
    this.status = status;
    this.key = key;
    this.args = List.of(args);
  }

  public int status() {
    return status;
  }

  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
