package cn.edu.ntvu.workbench.forms.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question of a form and its constraints. Only the constraints of its type mean anything: a
 * range and decimals for numbers, options and (for multiple choice) the least and most ticks, a
 * longest answer for text, the most kilobytes and whether other files than photos are taken for
 * uploads.
 *
 * @param id 0 until stored
 * @param position 1-based order on the form
 * @param maxLength for text; null = the type's default
 * @param decimals for numbers: how many digits after the point (0 = whole numbers); null = any
 * @param imagesOnly for uploads: photos only (JPEG/PNG) or also PDF
 * @param maxKilobytes for uploads: the largest file
 */
public record Question(
    long id,
    int position,
    QuestionType type,
    String title,
    String help,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer decimals,
    Integer minChoices,
    Integer maxChoices,
    Integer maxLength,
    List<ChoiceOption> options,
    boolean imagesOnly,
    Integer maxKilobytes)
    implements Serializable {
  public static final int TITLE_MAX = 200;
  public static final int HELP_MAX = 500;
  public static final int OPTIONS_MAX = 50;

  /** The largest upload any question may allow. */
  public static final int FILE_KB_LIMIT = 10 * 1024;

  public static final int FILE_KB_DEFAULT = 5 * 1024;

  public Question {
    options = options == null ? List.of() : List.copyOf(options);
    title = title == null ? "" : title.strip();
    help = help == null ? "" : help.strip();
  }

  /** A fresh question of {@code type} with its defaults (two options for choices). */
  public static Question blank(QuestionType type, int position) {
    List<ChoiceOption> opts =
        type.hasOptions()
            ? List.of(new ChoiceOption("o1", "选项1"), new ChoiceOption("o2", "选项2"))
            : List.of();
    return new Question(
        0,
        position,
        type,
        "",
        "",
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        opts,
        true,
        type == QuestionType.FILE ? FILE_KB_DEFAULT : null);
  }

  public int effectiveMaxLength() {
    return maxLength == null ? type.defaultMaxLength() : maxLength;
  }

  public int effectiveMaxKilobytes() {
    return maxKilobytes == null ? FILE_KB_DEFAULT : maxKilobytes;
  }

  public Optional<ChoiceOption> option(String optionId) {
    return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
  }

  public Question withPosition(int p) {
    return new Question(
        id,
        p,
        type,
        title,
        help,
        required,
        min,
        max,
        decimals,
        minChoices,
        maxChoices,
        maxLength,
        options,
        imagesOnly,
        maxKilobytes);
  }

  public Question withId(long newId) {
    return new Question(
        newId,
        position,
        type,
        title,
        help,
        required,
        min,
        max,
        decimals,
        minChoices,
        maxChoices,
        maxLength,
        options,
        imagesOnly,
        maxKilobytes);
  }

  /**
   * Options from the builder's lines (one label a line): an unchanged label keeps its id, a new
   * label gets the next free id, empty lines are dropped.
   */
  public static List<ChoiceOption> optionsFromLines(String text, List<ChoiceOption> before) {
    List<ChoiceOption> out = new ArrayList<>();
    int next =
        before.stream().mapToInt(o -> Integer.parseInt(o.id().substring(1))).max().orElse(0) + 1;
    List<String> used = new ArrayList<>();
    for (String line : (text == null ? "" : text).split("\\R")) {
      String label = line.strip();
      if (label.isEmpty()) {
        continue;
      }
      Optional<ChoiceOption> same =
          before.stream()
              .filter(o -> o.label().equals(label) && !used.contains(o.id()))
              .findFirst();
      ChoiceOption o = same.orElse(null);
      if (o == null) {
        o = new ChoiceOption("o" + next++, label);
      }
      used.add(o.id());
      out.add(o);
    }
    return out;
  }

  /** What is wrong with this question as the builder set it (empty when it can be published). */
  public List<Problem> problems() {
    List<Problem> p = new ArrayList<>();
    if (type == null) {
      p.add(Problem.of("forms.builder.error.type"));
      return p;
    }
    if (title.isEmpty()) {
      p.add(Problem.of("forms.builder.error.titleMissing"));
    } else if (title.length() > TITLE_MAX) {
      p.add(Problem.of("forms.builder.error.titleTooLong", TITLE_MAX));
    }
    if (help.length() > HELP_MAX) {
      p.add(Problem.of("forms.builder.error.helpTooLong", HELP_MAX));
    }
    if (type.hasOptions()) {
      if (options.size() < 2) {
        p.add(Problem.of("forms.builder.error.fewOptions"));
      } else if (options.size() > OPTIONS_MAX) {
        p.add(Problem.of("forms.builder.error.manyOptions", OPTIONS_MAX));
      } else if (options.stream().map(ChoiceOption::label).distinct().count() < options.size()) {
        p.add(Problem.of("forms.builder.error.sameOption"));
      } else if (options.stream().anyMatch(o -> o.label().length() > 100)) {
        p.add(Problem.of("forms.builder.error.optionTooLong", 100));
      }
    }
    if (type == QuestionType.MULTIPLE) {
      int lo = minChoices == null ? 0 : minChoices;
      int hi = maxChoices == null ? options.size() : maxChoices;
      if (lo < 0 || hi < 1 || lo > hi || hi > options.size()) {
        p.add(Problem.of("forms.builder.error.choiceRange", options.size()));
      }
    }
    if (type == QuestionType.NUMBER) {
      if (min != null && max != null && min.compareTo(max) > 0) {
        p.add(Problem.of("forms.builder.error.numberRange"));
      }
      if (decimals != null && (decimals < 0 || decimals > 6)) {
        p.add(Problem.of("forms.builder.error.decimals", 6));
      }
    }
    if (type.isText() && maxLength != null && (maxLength < 1 || maxLength > type.maxMaxLength())) {
      p.add(Problem.of("forms.builder.error.maxLength", type.maxMaxLength()));
    }
    if (type == QuestionType.FILE
        && maxKilobytes != null
        && (maxKilobytes < 1 || maxKilobytes > FILE_KB_LIMIT)) {
      p.add(Problem.of("forms.builder.error.fileSize", FILE_KB_LIMIT / 1024));
    }
    return p;
  }
}
