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

  /**
   * The group a suggestion shows under: 班级, 院系, 角色, 人. (Object, like {@link #label}: a value the
   * converter refused comes back as the posted text.)
   */
  public String group(Object item) {
    return item instanceof DirectoryHit hit
        ? BundleText.text(
            "i18n.directory", BundleText.viewLocale(), "picker.group." + hit.kind().name())
        : "";
  }

  /**
   * A chip's text: the name, with the account for a person (two 张伟 differ). When the converter
   * refused a posted chip ({@code CLASS:NOPE}: not in the directory), the page is shown again with
   * the message beside the picker and the AutoComplete asks for the label of that posted text:
   * shown as it was posted, never a 500.
   */
  public String label(Object item) {
    if (item instanceof DirectoryHit hit) {
      return hit.kind() == PickKind.PERSON ? hit.name() + " " + hit.key() : hit.name();
    }
    return item == null ? "" : String.valueOf(item);
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
