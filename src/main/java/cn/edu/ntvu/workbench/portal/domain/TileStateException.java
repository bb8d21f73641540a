package cn.edu.ntvu.workbench.portal.domain;

/** A tile state or banner that cannot be saved, and the form field it is about. */
public class TileStateException extends TileInputException {
  private final String field;

  public TileStateException(String field, String key, String... args) {
    super(key, args);
    this.field = field;
  }

  /** The id of the form field the message goes beside. */
  public String field() {
    return field;
  }
}
