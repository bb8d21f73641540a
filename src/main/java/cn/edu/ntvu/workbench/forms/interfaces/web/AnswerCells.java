package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.StoredAnswer;
import cn.edu.ntvu.workbench.forms.domain.AnswerCheck;
import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.Question;

/**
 * An answer as one cell of the results table and the exports: choices by label, files as a link.
 */
final class AnswerCells {
  private AnswerCells() {}

  static String text(Question q, StoredAnswer a, String fileBase) {
    if (a == null) {
      return "";
    }
    if (q.type().hasOptions()) {
      return String.join(
          "、",
          a.choices().stream().map(c -> q.option(c).map(ChoiceOption::label).orElse(c)).toList());
    }
    if (a.number() != null) {
      return AnswerCheck.plain(a.number());
    }
    if (a.fileId() != null) {
      return fileBase + a.fileId();
    }
    return a.text() == null ? "" : a.text();
  }
}
