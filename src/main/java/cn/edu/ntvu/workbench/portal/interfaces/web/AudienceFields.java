package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 谁能看到 fields a form shares with every other audience form (tiles, banners): 所有人, the roles and
 * the person kinds as ticked; the departments, classes and people come from the form's directory
 * picker. Unknown role or kind names (a forged post) are dropped, never stored.
 */
public class AudienceFields implements Serializable {
  private static final long serialVersionUID = 1L;

  private boolean everyone = true;
  private List<String> roles = new ArrayList<>();
  private List<String> kinds = new ArrayList<>();

  /** The audience these fields and the picked departments, classes and people describe. */
  public Visibility visibility(Map<PickKind, Set<String>> picked) {
    if (everyone) {
      return Visibility.EVERYONE;
    }
    Set<Role> roleSet =
        roles.stream().map(Role::parse).filter(r -> r != null).collect(Collectors.toSet());
    Set<PersonKind> kindSet = EnumSet.noneOf(PersonKind.class);
    for (String k : kinds) {
      Arrays.stream(PersonKind.values())
          .filter(p -> p.name().equals(k))
          .findFirst()
          .ifPresent(kindSet::add);
    }
    return new Visibility(
        false,
        roleSet,
        kindSet,
        picked.get(PickKind.DEPARTMENT),
        picked.get(PickKind.CLASS),
        picked.get(PickKind.PERSON));
  }

  /** Fills the fields from a stored audience (for editing). */
  public void load(Visibility v) {
    everyone = v.everyone();
    roles = sortedNames(v.roles());
    kinds = sortedNames(v.kinds());
  }

  public void clear() {
    everyone = true;
    roles = new ArrayList<>();
    kinds = new ArrayList<>();
  }

  /** The roles and person kinds of an audience by their names, in the page's language. */
  static List<String> roleAndKindNames(Visibility v, Locale locale) {
    List<String> parts = new ArrayList<>();
    v.roles().stream()
        .sorted()
        .forEach(r -> parts.add(BundleText.text("i18n.messages", locale, "role." + r.name())));
    v.kinds().stream()
        .sorted()
        .forEach(k -> parts.add(BundleText.text("i18n.messages", locale, "home.kind." + k.name())));
    return parts;
  }

  private static ArrayList<String> sortedNames(Set<? extends Enum<?>> values) {
    return values.stream()
        .map(Enum::name)
        .sorted()
        .collect(Collectors.toCollection(ArrayList::new));
  }

  public List<String> getRoleNames() {
    return Arrays.stream(Role.values()).map(Enum::name).toList();
  }

  public List<String> getKindNames() {
    return Arrays.stream(PersonKind.values()).map(Enum::name).toList();
  }

  public boolean isEveryone() {
    return everyone;
  }

  public void setEveryone(boolean everyone) {
    this.everyone = everyone;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public List<String> getKinds() {
    return kinds;
  }

  public void setKinds(List<String> kinds) {
    this.kinds = kinds == null ? new ArrayList<>() : new ArrayList<>(kinds);
  }
}
