package cn.edu.ntvu.workbench.forms.domain;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a form is and how it takes answers.
 *
 * @param deadline school time; null = until closed by hand
 * @param severalResponses a person may answer more than once
 * @param editable a person may change their answer until the deadline (one response per person
 *     only)
 * @param anonymous nobody can see who answered what; fixed once published
 */
public record FormSettings(
    String title,
    String description,
    LocalDateTime deadline,
    boolean severalResponses,
    boolean editable,
    boolean anonymous)
    implements Serializable {
  public static final int TITLE_MAX = 100;
  public static final int DESCRIPTION_MAX = 2000;

  public FormSettings {
    title = title == null ? "" : title.strip();
    description = description == null ? "" : description.strip();
  }

  public List<Problem> problems(LocalDateTime now, boolean publishing) {
    List<Problem> p = new ArrayList<>();
    if (title.isEmpty()) {
      p.add(Problem.of("forms.builder.error.formTitle"));
    } else if (title.length() > TITLE_MAX) {
      p.add(Problem.of("forms.builder.error.formTitleTooLong", TITLE_MAX));
    }
    if (description.length() > DESCRIPTION_MAX) {
      p.add(Problem.of("forms.builder.error.descriptionTooLong", DESCRIPTION_MAX));
    }
    if (publishing && deadline != null && !deadline.isAfter(now)) {
      p.add(Problem.of("forms.builder.error.deadlinePast"));
    }
    if (severalResponses && editable) {
      p.add(Problem.of("forms.builder.error.editSeveral"));
    }
    return p;
  }

  /** Whether answers are taken at {@code now} (the closing job may not have run yet). */
  public boolean open(FormStatus status, LocalDateTime now) {
    return status == FormStatus.PUBLISHED && (deadline == null || now.isBefore(deadline));
  }
}
