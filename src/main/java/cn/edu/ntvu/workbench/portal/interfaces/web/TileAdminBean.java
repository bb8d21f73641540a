package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.time.SchoolClock;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.ImportUpload;
import cn.edu.ntvu.workbench.portal.application.StaleTileException;
import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.TileTexts;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tile console ({@code /admin/workbench/tiles.xhtml}; the admin role is checked by the sign-in
 * filter for the page and every post to it). Plain forms, no widgets: list by scene, add, edit,
 * delete, move up/down. A save carries the version the form was opened at: if another admin saved
 * in between, nothing is written and the admin is told who changed it and when.
 */
@Requires(roles = Role.ADMIN)
@Named("tileAdmin")
@ViewScoped
public class TileAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "i18n.workbench";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject TileStore store;
  @Inject TileAdmin admin;
  @Inject CurrentUser me;
  @Inject AppInfo app;
  @Inject cn.edu.ntvu.workbench.portal.application.Badges badges;
  @Inject DirectorySearch directory;
  @Inject cn.edu.ntvu.workbench.portal.application.TileStateAdmin stateAdmin;

  /** 状态: maintenance, 新, visible dates (issue 21). */
  private final TileStateForm state = new TileStateForm();

  public TileStateForm getState() {
    return state;
  }

  private transient Map<Long, cn.edu.ntvu.workbench.portal.domain.TileState> states;

  /** The tiles list's note on a tile's state: 维护中, 新, 显示 from–until; empty when none. */
  public String stateNote(Tile t) {
    if (states == null) {
      states = stateAdmin.states();
    }
    var s = states.get(t.id());
    if (s == null) {
      return "";
    }
    java.util.Locale locale = BundleText.viewLocale();
    List<String> parts = new ArrayList<>();
    if (s.maintenance()) {
      parts.add(
          BundleText.text(BUNDLE, locale, "workbench.state.maintenance")
              + (s.maintenanceUntil() == null
                  ? ""
                  : " → " + TileStateForm.time(s.maintenanceUntil()).replace('T', ' ')));
    }
    if (s.isNew()) {
      parts.add(BundleText.text(BUNDLE, locale, "workbench.state.new"));
    }
    if (s.visibleFrom() != null || s.visibleUntil() != null) {
      parts.add(
          BundleText.format(
              BUNDLE,
              locale,
              "workbench.state.shown",
              List.of(
                  s.visibleFrom() == null ? "…" : s.visibleFrom().toString(),
                  s.visibleUntil() == null ? "…" : s.visibleUntil().toString())));
    }
    return String.join(" · ", parts);
  }

  /** 谁能看到's departments, classes and people: an admin picks from the whole school. */
  static final PickScope VISIBILITY_SCOPE =
      PickScope.school(java.util.EnumSet.of(PickKind.CLASS, PickKind.DEPARTMENT, PickKind.PERSON));

  private final DirectoryPicker visibilityPicker = new DirectoryPicker(VISIBILITY_SCOPE, 8);

  /**
   * Codes of the tile being edited that the directory no longer knows (a class gone, a department
   * renamed): kept as they are on save, unless the admin drops them; never silently lost.
   */
  private List<String> unknownDepartmentCodes = new ArrayList<>();

  private List<String> unknownClassCodes = new ArrayList<>();
  private List<String> unknownPeople = new ArrayList<>();
  private boolean dropUnknown;

  /** The picker of 谁能看到 (departments, classes, people as chips with their names). */
  public DirectoryPicker getVisibilityPicker() {
    return visibilityPicker;
  }

  /**
   * The badge sources 角标来源 offers: the registered providers, and the tile's own key when no
   * provider has it any more (so saving does not drop it unseen).
   */
  public List<String> getBadgeKeys() {
    List<String> keys = new java.util.ArrayList<>(badges.keys());
    if (badgeKey != null && !badgeKey.isBlank() && !keys.contains(badgeKey)) {
      keys.add(badgeKey);
    }
    return keys;
  }

  /** A badge source by its name ({@code workbench.badge.forms.to-fill}), else the key itself. */
  public String badgeName(String key) {
    String k = "workbench.badge." + key.replace(':', '.');
    return BundleText.has(BUNDLE, BundleText.viewLocale(), k)
        ? BundleText.text(BUNDLE, BundleText.viewLocale(), k)
        : key;
  }

  /** One tile row of the list, with what the admin should know about its rules. */
  public record Row(Tile tile, Set<String> unknownDepartments, boolean first, boolean last) {
    public boolean isNobody() {
      return tile.visibility().isNobody();
    }
  }

  public record SceneRows(Scene scene, List<Row> rows) {
    public String key() {
      return "workbench.scene." + scene.name();
    }
  }

  private transient List<SceneRows> scenes;
  private transient List<String> icons;
  private transient Part iconFile;

  // The form; id 0 = a new tile.
  private boolean editing;
  private long id;
  private int version;
  private String scene = Scene.TEACHING.name();
  private String name;
  private String description;
  private String nameEn;
  private String descriptionEn;
  private String studentDescription;
  private String studentDescriptionEn;
  private String keywords;
  private String icon = TileIcons.NAMES.get(0);
  private String kind = TileKind.INTERNAL.name();
  private String target;
  private boolean enabled = true;
  private String badgeKey;
  private final AudienceFields audienceFields = new AudienceFields();

  public List<SceneRows> getScenes() {
    if (scenes == null) {
      List<Tile> all = store.all();
      DepartmentTree tree = store.departments();
      List<SceneRows> out = new ArrayList<>();
      for (Scene s : Scene.values()) {
        List<Tile> in = all.stream().filter(t -> t.scene() == s).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
          Tile t = in.get(i);
          rows.add(new Row(t, t.visibility().unknownDepartments(tree), i == 0, i == in.size() - 1));
        }
        out.add(new SceneRows(s, rows));
      }
      scenes = out;
    }
    return scenes;
  }

  /**
   * 谁能看到, in a few words for the tiles list: 所有人, or the roles and person kinds by their names,
   * then the departments, classes and people (codes and accounts, counted when there are many).
   */
  public String audience(Tile t) {
    java.util.Locale locale = BundleText.viewLocale();
    Visibility v = t.visibility();
    if (v.everyone()) {
      return BundleText.text(BUNDLE, locale, "workbench.field.everyone");
    }
    if (v.isNobody()) {
      return BundleText.text(BUNDLE, locale, "workbench.audience.nobody");
    }
    String sep = BundleText.text(BUNDLE, locale, "workbench.audience.separator");
    List<String> parts = AudienceFields.roleAndKindNames(v, locale);
    addCodes(parts, locale, "workbench.audience.departments", PickKind.DEPARTMENT, v.departments());
    addCodes(parts, locale, "workbench.audience.classes", PickKind.CLASS, v.classes());
    addCodes(parts, locale, "workbench.audience.people", PickKind.PERSON, v.people());
    return String.join(sep, parts);
  }

  private void addCodes(
      List<String> parts,
      java.util.Locale locale,
      String key,
      PickKind pickKind,
      Set<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    // the first three by their names (the code when the directory no longer has it)
    List<String> sorted =
        codes.stream()
            .sorted()
            .limit(3)
            .map(
                c ->
                    directory
                        .find(pickKind, c, VISIBILITY_SCOPE)
                        .map(h -> pickKind == PickKind.PERSON ? h.name() + " " + c : h.name())
                        .orElse(c))
            .collect(Collectors.toCollection(ArrayList::new));
    if (codes.size() > 3) {
      sorted.add("");
    }
    String shown =
        sorted.size() <= 3
            ? String.join(", ", sorted)
            : String.join(", ", sorted.subList(0, 3)) + " …";
    parts.add(BundleText.format(BUNDLE, locale, key, List.of(shown, String.valueOf(codes.size()))));
  }

  /** The tile's name in the page's language: the English one on an English page when it has one. */
  public String displayName(Tile t) {
    String en = t.texts() == null ? null : t.texts().nameEn();
    return "en".equals(BundleText.viewLocale().getLanguage()) && en != null && !en.isBlank()
        ? en
        : t.name();
  }

  public void startNew() {
    clearForm();
    editing = true;
  }

  public void edit(long tileId) {
    var found = store.byId(tileId);
    if (found.isEmpty()) {
      error("workbench.error.gone");
      scenes = null;
      return;
    }
    Tile t = found.get();
    Visibility v = t.visibility();
    editing = true;
    id = t.id();
    version = t.version();
    scene = t.scene().name();
    name = t.name();
    description = t.description();
    nameEn = t.texts().nameEn();
    descriptionEn = t.texts().descriptionEn();
    studentDescription = t.texts().studentDescription();
    studentDescriptionEn = t.texts().studentDescriptionEn();
    keywords = t.texts().keywords();
    icon = t.icon();
    kind = t.kind().name();
    target = t.target();
    enabled = t.enabled();
    badgeKey = t.badgeKey();
    audienceFields.load(v);
    List<DirectoryHit> chips = new ArrayList<>();
    unknownClassCodes = chips(PickKind.CLASS, v.classes(), chips);
    unknownDepartmentCodes = chips(PickKind.DEPARTMENT, v.departments(), chips);
    unknownPeople = chips(PickKind.PERSON, v.people(), chips);
    visibilityPicker.setSelected(chips);
    dropUnknown = false;
    state.load(stateAdmin.state(t.id()).orElse(null));
  }

  /** The codes of one kind as chips with their names; returns the codes the directory lacks. */
  private List<String> chips(PickKind pickKind, Set<String> codes, List<DirectoryHit> into) {
    List<String> unknown = new ArrayList<>();
    for (String code : new java.util.TreeSet<>(codes)) {
      directory
          .find(pickKind, code, VISIBILITY_SCOPE)
          .ifPresentOrElse(into::add, () -> unknown.add(code));
    }
    return unknown;
  }

  /** The codes the directory no longer knows, for the note under the picker. */
  public String getUnknownCodes() {
    List<String> all = new ArrayList<>(unknownDepartmentCodes);
    all.addAll(unknownClassCodes);
    all.addAll(unknownPeople);
    return String.join(", ", all);
  }

  /**
   * The picker's chips by kind, each checked again against the directory in the admin's scope; null
   * (and a message beside the picker) when one is not there.
   */
  private Map<PickKind, Set<String>> chosen() {
    Map<PickKind, Set<String>> out = new java.util.EnumMap<>(PickKind.class);
    for (PickKind k : PickKind.values()) {
      out.put(k, new java.util.TreeSet<>());
    }
    for (DirectoryHit h : visibilityPicker.getSelected()) {
      if (h == null || directory.find(h.kind(), h.key(), VISIBILITY_SCOPE).isEmpty()) {
        FacesContext.getCurrentInstance()
            .addMessage(
                "visibility-picker",
                new FacesMessage(
                    FacesMessage.SEVERITY_ERROR,
                    BundleText.text("i18n.directory", BundleText.viewLocale(), "picker.unknown"),
                    null));
        return null;
      }
      out.get(h.kind()).add(h.key());
    }
    if (!dropUnknown) {
      out.get(PickKind.DEPARTMENT).addAll(unknownDepartmentCodes);
      out.get(PickKind.CLASS).addAll(unknownClassCodes);
      out.get(PickKind.PERSON).addAll(unknownPeople);
    }
    return out;
  }

  public void cancel() {
    clearForm();
  }

  public void save() {
    try {
      Map<PickKind, Set<String>> picked = chosen();
      if (picked == null) {
        return;
      }
      cn.edu.ntvu.workbench.portal.domain.TileState tileState = state.parsed(id);
      Visibility v = audienceFields.visibility(picked);
      Tile t =
          new Tile(
                  id,
                  parse(Scene.class, scene),
                  0,
                  name,
                  description,
                  icon,
                  parse(TileKind.class, kind),
                  target,
                  enabled,
                  badgeKey,
                  v,
                  version,
                  null,
                  null,
                  new TileTexts(
                          nameEn, descriptionEn, studentDescription, studentDescriptionEn, keywords)
                      .checked())
              .checked();
      long savedId = id;
      if (id == 0) {
        savedId = admin.create(t, me.auditActor());
      } else {
        admin.update(t, me.auditActor());
      }
      stateAdmin.saveState(
          tileState.forTile(savedId), state.isMarkedNew(), t.name(), me.auditActor());
      info("workbench.saved", displayName(t));
      if (v.isNobody()) {
        warn("workbench.warn.nobody");
      }
      clearForm();
      states = null;
    } catch (cn.edu.ntvu.workbench.portal.domain.TileStateException e) {
      // beside the field, everything typed kept
      FacesContext.getCurrentInstance()
          .addMessage(
              e.field(),
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  BundleText.format(BUNDLE, BundleText.viewLocale(), e.key(), e.args()),
                  null));
    } catch (TileInputException e) {
      error(e.key(), e.args().toArray(String[]::new));
    } catch (StaleTileException e) {
      stale(e);
    }
    scenes = null;
  }

  public void delete(long tileId, int tileVersion) {
    try {
      admin.delete(tileId, tileVersion, me.auditActor());
      info("workbench.deleted");
      if (id == tileId) {
        clearForm();
      }
    } catch (StaleTileException e) {
      stale(e);
    }
    scenes = null;
  }

  public void moveUp(long tileId) {
    move(tileId, true);
  }

  public void moveDown(long tileId) {
    move(tileId, false);
  }

  private void move(long tileId, boolean up) {
    try {
      admin.move(tileId, up, me.auditActor());
    } catch (StaleTileException e) {
      stale(e);
    }
    scenes = null;
  }

  private void stale(StaleTileException e) {
    if (e.updatedBy() == null) {
      error("workbench.error.gone");
    } else {
      error(
          "workbench.error.stale",
          e.updatedBy(),
          WHEN.format(e.updatedAt().atZone(SchoolClock.ZONE)));
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void clearForm() {
    editing = false;
    id = 0;
    version = 0;
    scene = Scene.TEACHING.name();
    name = null;
    description = null;
    nameEn = null;
    descriptionEn = null;
    studentDescription = null;
    studentDescriptionEn = null;
    keywords = null;
    icon = TileIcons.NAMES.get(0);
    kind = TileKind.INTERNAL.name();
    target = null;
    enabled = true;
    badgeKey = null;
    audienceFields.clear();
    visibilityPicker.setSelected(List.of());
    unknownDepartmentCodes = new ArrayList<>();
    unknownClassCodes = new ArrayList<>();
    unknownPeople = new ArrayList<>();
    dropUnknown = false;
    state.clear();
  }

  private static void info(String key, String... args) {
    add(FacesMessage.SEVERITY_INFO, key, args);
  }

  private static void warn(String key, String... args) {
    add(FacesMessage.SEVERITY_WARN, key, args);
  }

  private static void error(String key, String... args) {
    add(FacesMessage.SEVERITY_ERROR, key, args);
  }

  private static void add(FacesMessage.Severity severity, String key, String... args) {
    String text = BundleText.format(BUNDLE, BundleText.viewLocale(), key, List.of(args));
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public List<String> getSceneNames() {
    return Arrays.stream(Scene.values()).map(Enum::name).toList();
  }

  /** The bundled icons, then the uploaded ones (newest first). */
  public List<String> getIcons() {
    if (icons == null) {
      List<String> all = new ArrayList<>(TileIcons.NAMES);
      all.addAll(store.iconNames());
      icons = all;
    }
    return icons;
  }

  public String iconUrl(String iconName) {
    return TileIcons.url(
        FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath(),
        iconName,
        app.getAssetVersion());
  }

  /** The icon's label: its name in the bundled set, "uploaded" for an uploaded one. */
  public String iconLabel(String iconName) {
    String key =
        TileIcons.isUploaded(iconName) ? "workbench.icon.uploaded" : "workbench.icon." + iconName;
    return BundleText.format(BUNDLE, BundleText.viewLocale(), key, List.of());
  }

  /**
   * Uploads an icon (PNG, JPEG or WebP ≤ 200 KB, checked by content, re-encoded) and selects it for
   * the tile being edited; the rest of the form stays as typed.
   */
  public void uploadIcon() {
    // Read whatever the container let through; IconImage says how large an icon may be.
    byte[] bytes = ImportUpload.read(iconFile, 21 * 1024 * 1024);
    String fileName = iconFile == null ? null : iconFile.getSubmittedFileName();
    deleteIconPart();
    if (bytes == null) {
      return;
    }
    try {
      icon = admin.uploadIcon(bytes, fileName, me.auditActor());
      icons = null;
      info("workbench.icon.uploadedOk");
    } catch (TileInputException e) {
      // Beside the upload field (a bad image, too many pixels, the day's quota), the rest of the
      // form as typed.
      FacesContext.getCurrentInstance()
          .addMessage(
              "icon-file",
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  BundleText.format(BUNDLE, BundleText.viewLocale(), e.key(), e.args()),
                  null));
    }
  }

  /** The container's copy of the upload goes at once; only the re-encoded icon is ever kept. */
  private void deleteIconPart() {
    try {
      if (iconFile != null) {
        iconFile.delete();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // The container removes it at the end of the request anyway.
    }
    iconFile = null;
  }

  public Part getIconFile() {
    return iconFile;
  }

  public void setIconFile(Part iconFile) {
    this.iconFile = iconFile;
  }

  public AudienceFields getAudience() {
    return audienceFields;
  }

  public boolean isEditing() {
    return editing;
  }

  public long getId() {
    return id;
  }

  public String getScene() {
    return scene;
  }

  public void setScene(String scene) {
    this.scene = scene;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getDescriptionEn() {
    return descriptionEn;
  }

  public void setDescriptionEn(String descriptionEn) {
    this.descriptionEn = descriptionEn;
  }

  public String getStudentDescription() {
    return studentDescription;
  }

  public void setStudentDescription(String studentDescription) {
    this.studentDescription = studentDescription;
  }

  public String getStudentDescriptionEn() {
    return studentDescriptionEn;
  }

  public void setStudentDescriptionEn(String studentDescriptionEn) {
    this.studentDescriptionEn = studentDescriptionEn;
  }

  public String getKeywords() {
    return keywords;
  }

  public void setKeywords(String keywords) {
    this.keywords = keywords;
  }

  public String getIcon() {
    return icon;
  }

  public void setIcon(String icon) {
    this.icon = icon;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getBadgeKey() {
    return badgeKey;
  }

  public void setBadgeKey(String badgeKey) {
    this.badgeKey = badgeKey;
  }

  public boolean isDropUnknown() {
    return dropUnknown;
  }

  public void setDropUnknown(boolean dropUnknown) {
    this.dropUnknown = dropUnknown;
  }
}
