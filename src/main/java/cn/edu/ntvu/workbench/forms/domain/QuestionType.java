package cn.edu.ntvu.workbench.forms.domain;

/** The kinds of question a form can ask. */
public enum QuestionType {
  /** 单行文本. */
  TEXT,
  /** 多行文本. */
  TEXTAREA,
  /** 数字, with an optional range and number of decimals. */
  NUMBER,
  /** 单选. */
  SINGLE,
  /** 多选, with an optional least and most number of ticks. */
  MULTIPLE,
  /** 下拉选择. */
  DROPDOWN,
  /** 日期. */
  DATE,
  /** 时间. */
  TIME,
  /** 手机号. */
  MOBILE,
  /** 图片/文件上传, checked by content. */
  FILE;

  public boolean hasOptions() {
    return this == SINGLE || this == MULTIPLE || this == DROPDOWN;
  }

  /** Whether a text limit applies (typed text). */
  public boolean isText() {
    return this == TEXT || this == TEXTAREA;
  }

  /** The longest answer when the builder sets none, and the most the builder may set. */
  public int defaultMaxLength() {
    return this == TEXTAREA ? 2000 : 200;
  }

  public int maxMaxLength() {
    return this == TEXTAREA ? 5000 : 500;
  }

  public static QuestionType parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
