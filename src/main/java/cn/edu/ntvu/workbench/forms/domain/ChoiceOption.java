package cn.edu.ntvu.workbench.forms.domain;

import java.io.Serializable;

/**
 * One option of a choice question; the id stays when the label is edited, so answers keep their
 * meaning.
 */
public record ChoiceOption(String id, String label) implements Serializable {
  public ChoiceOption {
    if (id == null || !id.matches("o[0-9]{1,4}")) {
      throw new IllegalArgumentException("an option id is o1, o2, …");
    }
    label = label == null ? "" : label.strip();
  }
}
