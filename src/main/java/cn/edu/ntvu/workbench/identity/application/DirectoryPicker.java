package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one people-and-groups picker on a page holds ({@code /WEB-INF/includes/picker.xhtml}): its
 * scope, fixed by the page's bean from the signed-in person, and the chips chosen so far. The
 * suggestions come from {@link DirectorySearch} within that scope; whatever is saved is checked
 * again by the service that saves it.
 */
public class DirectoryPicker implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PickScope scope;
  private final int perGroup;
  private List<DirectoryHit> selected = new ArrayList<>();

  public DirectoryPicker(PickScope scope, int perGroup) {
    this.scope = scope;
    this.perGroup = perGroup;
  }

  /** The suggestions for what was typed (the AutoComplete's {@code completeMethod}). */
  public List<DirectoryHit> complete(String typed) {
    return CDI.current().select(DirectorySearch.class).get().search(typed, scope, perGroup);
  }

  /** The group a suggestion shows under: 班级, 院系, 角色, 人. */
  public String group(DirectoryHit hit) {
    return BundleText.text(
        "i18n.directory", BundleText.viewLocale(), "picker.group." + hit.kind().name());
  }

  /** A chip's text: the name, with the account for a person (two 张伟 differ). */
  public String label(DirectoryHit hit) {
    return hit == null
        ? ""
        : hit.kind() == PickKind.PERSON ? hit.name() + " " + hit.key() : hit.name();
  }

  public PickScope getScope() {
    return scope;
  }

  public List<DirectoryHit> getSelected() {
    return selected;
  }

  public void setSelected(List<DirectoryHit> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }
}
