package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The builder's settings part ({@code #{formEdit.settings…}}): title, description, deadline, one or
 * several responses, editable, anonymous, and the co-owners — what changes when the rules for a
 * form's settings change. The deadline is the one setting that still changes after publishing.
 */
public class FormSettingsEditor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FormEditBean page;
  private String title;
  private String description;
  private String deadline;
  private boolean severalResponses;
  private boolean editable;
  private boolean anonymous;
  private String coOwners;
  private final DirectoryPicker coOwnerPicker = new DirectoryPicker(PickScope.staff(), 8);

  FormSettingsEditor(FormEditBean page) {
    this.page = page;
  }

  /** Fills the fields from the form as stored. */
  void show(FormSettings s, List<String> owners) {
    title = s.title();
    description = s.description();
    deadline = s.deadline() == null ? "" : s.deadline().toString();
    severalResponses = s.severalResponses();
    editable = s.editable();
    anonymous = s.anonymous();
    showCoOwners(owners);
  }

  /** The co-owners as chips of the staff picker; the by-account box below it starts empty. */
  private void showCoOwners(List<String> owners) {
    DirectorySearch search = CDI.current().select(DirectorySearch.class).get();
    coOwnerPicker.setSelected(
        owners.stream()
            .map(
                a ->
                    search.find(
                        PickKind.PERSON, a, PickScope.school(java.util.Set.of(PickKind.PERSON))))
            .flatMap(java.util.Optional::stream)
            .toList());
    coOwners = "";
  }

  /** The co-owners: any member of staff, chosen by name, pinyin or account. */
  public DirectoryPicker getCoOwnerPicker() {
    return coOwnerPicker;
  }

  /**
   * The deadline field as typed: empty is none; a value that is no date and time is told and
   * returns false.
   */
  private boolean readDeadline(LocalDateTime[] into) {
    try {
      into[0] =
          deadline == null || deadline.isBlank() ? null : LocalDateTime.parse(deadline.strip());
      return true;
    } catch (DateTimeParseException e) {
      page.problems(List.of(FormsTexts.ofView().get("forms.builder.error.badDeadline")), null);
      return false;
    }
  }

  public void saveSettings() {
    LocalDateTime[] read = new LocalDateTime[1];
    if (!readDeadline(read)) {
      return;
    }
    FormSettings s =
        new FormSettings(title, description, read[0], severalResponses, editable, anonymous);
    page.act(
        () -> {
          if (page.shown(page.builder.saveSettings(page.me.get(), page.getId(), s))) {
            Pages.info(FormsTexts.ofView().get("forms.builder.saved"));
          }
        });
  }

  /** The deadline of a published form (the only setting that changes after publishing). */
  public void saveDeadline() {
    LocalDateTime[] read = new LocalDateTime[1];
    if (!readDeadline(read)) {
      return;
    }
    LocalDateTime d = read[0];
    page.act(
        () -> {
          if (page.shown(page.builder.changeDeadline(page.me.get(), page.getId(), d))) {
            Pages.info(FormsTexts.ofView().get("forms.builder.deadlineSaved"));
          }
        });
  }

  public void saveCoOwners() {
    page.act(
        () -> {
          // the chips, and whatever accounts were typed in the box below them
          String accounts =
              coOwnerPicker.getSelected().stream()
                      .map(h -> h.key())
                      .collect(java.util.stream.Collectors.joining(" "))
                  + " "
                  + (coOwners == null ? "" : coOwners);
          if (page.shownAt(
              "coOwners", page.builder.setCoOwners(page.me.get(), page.getId(), accounts))) {
            Pages.info(FormsTexts.ofView().get("forms.builder.saved"));
            showCoOwners(page.builder.coOwners(page.getId()));
          }
        });
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public boolean isSeveralResponses() {
    return severalResponses;
  }

  public void setSeveralResponses(boolean severalResponses) {
    this.severalResponses = severalResponses;
  }

  public boolean isEditable() {
    return editable;
  }

  public void setEditable(boolean editable) {
    this.editable = editable;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public void setAnonymous(boolean anonymous) {
    this.anonymous = anonymous;
  }

  public String getCoOwners() {
    return coOwners;
  }

  public void setCoOwners(String coOwners) {
    this.coOwners = coOwners;
  }
}
