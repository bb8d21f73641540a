package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Small words the forms pages show ({@code #{formWords}}): status, type names, times. */
@Named("formWords")
@ApplicationScoped
public class FormWords {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject Clock clock;

  public String status(FormRow f) {
    return FormsTexts.ofView()
        .get("forms.status." + f.effectiveStatus(LocalDateTime.now(clock)).name());
  }

  public String statusCode(FormRow f) {
    return f.effectiveStatus(LocalDateTime.now(clock)).name();
  }

  /** A file limit in kilobytes as megabytes for people: 5120 → "5", 1536 → "1.5", 200 → "0.2". */
  public String megabytes(int kilobytes) {
    return new java.math.BigDecimal(kilobytes)
        .divide(new java.math.BigDecimal(1024), 1, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  public String type(QuestionType t) {
    return FormsTexts.ofView().get("forms.type." + t.name());
  }

  public QuestionType[] getTypes() {
    return QuestionType.values();
  }

  public String when(LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }

  public String deadline(FormRow f) {
    return f.settings().deadline() == null
        ? FormsTexts.ofView().get("forms.deadline.none")
        : FormsTexts.ofView().get("forms.deadline.at", WHEN.format(f.settings().deadline()));
  }

  public boolean draft(FormRow f) {
    return f.status() == FormStatus.DRAFT;
  }
}
