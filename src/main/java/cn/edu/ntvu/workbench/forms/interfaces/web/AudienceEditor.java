package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The builder's audience part ({@code #{formEdit.audienceEditor…}}): adding and removing the lines
 * of who is asked (departments, classes, roles, named people, my classes), each checked against
 * what the person may reach when it is added (the message beside the field) and again when the form
 * is published.
 */
public class AudienceEditor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FormEditBean page;
  private String audienceKind = AudienceRule.Kind.CLASS.name();
  private String audienceValue;
  private DirectoryPicker picker;

  AudienceEditor(FormEditBean page) {
    this.page = page;
  }

  public void addAudience() {
    AudienceRule rule;
    try {
      rule = new AudienceRule(AudienceRule.Kind.valueOf(audienceKind), audienceValue);
    } catch (IllegalArgumentException | NullPointerException e) {
      page.problems(
          List.of(FormsTexts.ofView().get("forms.builder.error.audienceValue")), "audience");
      return;
    }
    page.act(
        () -> {
          if (page.shownAt(
              "audience", page.builder.addAudience(page.me.get(), page.getId(), rule))) {
            audienceValue = null;
          }
        });
  }

  /** The picker's chips added as audience lines, all or none; the chips clear once added. */
  public void addPicked() {
    DirectoryPicker picker = getPicker();
    List<AudienceRule> rules = new ArrayList<>();
    for (DirectoryHit h : picker.getSelected()) {
      rules.add(new AudienceRule(AudienceRule.Kind.valueOf(h.kind().name()), h.key()));
    }
    if (rules.isEmpty()) {
      page.problems(
          List.of(FormsTexts.ofView().get("forms.builder.error.nothingPicked")), "audience");
      return;
    }
    page.act(
        () -> {
          if (page.shownAt(
              "audience", page.builder.addAudiences(page.me.get(), page.getId(), rules))) {
            picker.setSelected(List.of());
          }
        });
  }

  /** The picker, bounded by what this person may publish to (made on first use). */
  public DirectoryPicker getPicker() {
    if (picker == null) {
      picker = new DirectoryPicker(page.builder.audienceScope(page.me.get()), 8);
    }
    return picker;
  }

  public void removeAudience(AudienceRule rule) {
    page.act(() -> page.builder.removeAudience(page.me.get(), page.getId(), rule));
  }

  public String describe(AudienceRule r) {
    FormsTexts t = FormsTexts.ofView();
    String what =
        r.kind() == AudienceRule.Kind.MY_CLASSES
            ? ""
            : r.kind() == AudienceRule.Kind.ROLE
                ? t.get("forms.role." + r.value())
                : page.builder.describe(r) + " (" + r.value() + ")";
    return t.get("forms.audience." + r.kind().name()) + " " + what;
  }

  public AudienceRule.Kind[] getAudienceKinds() {
    return AudienceRule.Kind.values();
  }

  public String getAudienceKind() {
    return audienceKind;
  }

  public void setAudienceKind(String audienceKind) {
    this.audienceKind = audienceKind;
  }

  public String getAudienceValue() {
    return audienceValue;
  }

  public void setAudienceValue(String audienceValue) {
    this.audienceValue = audienceValue;
  }
}
