package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.application.NativeTileStore;
import cn.edu.ntvu.workbench.portal.application.NativeTiles;
import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchDisplay;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/workbench/native.xhtml}: what WeCom's own tile of the workbench agent shows
 * (工作台自定义展示 keydata): up to four rows, each a badge source, a label and an address. Saving sets the
 * template at WeCom and pushes everyone's own numbers; WeCom's refusal is shown in Chinese beside
 * the save button, a wrong row beside its field, and everything typed is kept.
 */
@Requires(roles = Role.ADMIN)
@Named("nativeTileAdmin")
@ViewScoped
public class NativeTileAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "i18n.workbench";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject NativeTiles tiles;
  @Inject CurrentUser me;

  /** One editable row. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private String badgeKey = "";
    private String label = "";
    private String url = "";

    public String getBadgeKey() {
      return badgeKey;
    }

    public void setBadgeKey(String badgeKey) {
      this.badgeKey = badgeKey == null ? "" : badgeKey;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label == null ? "" : label;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url == null ? "" : url;
    }
  }

  private List<Row> rows;
  private int version;
  private String savedBy;
  private String savedAt;
  private boolean saved;

  private void load() {
    if (rows != null) {
      return;
    }
    rows = new ArrayList<>();
    Optional<NativeTileStore.Template> t = tiles.template();
    t.ifPresent(
        template -> {
          for (NativeTileItem i : template.items()) {
            Row r = new Row();
            r.setBadgeKey(i.badgeKey());
            r.setLabel(i.label());
            r.setUrl(i.jumpUrl());
            rows.add(r);
          }
          version = template.version();
          savedBy = template.updatedBy();
          savedAt = WHEN.format(template.updatedAt());
        });
    while (rows.size() < NativeTileItem.MAX_ITEMS) {
      rows.add(new Row());
    }
  }

  public List<Row> getRows() {
    load();
    return rows;
  }

  public int getVersion() {
    load();
    return version;
  }

  public String getSavedBy() {
    load();
    return savedBy;
  }

  public String getSavedAt() {
    load();
    return savedAt;
  }

  public boolean isSaved() {
    return saved;
  }

  public String getAgentId() {
    return tiles.agentId();
  }

  public List<String> getBadgeKeys() {
    return tiles.badgeKeys();
  }

  public String badgeName(String key) {
    String k = "workbench.badge." + key.replace(':', '.');
    return BundleText.has(BUNDLE, BundleText.viewLocale(), k)
        ? BundleText.text(BUNDLE, BundleText.viewLocale(), k)
        : key;
  }

  /** Saves the rows; a problem is shown beside its field or the save button. */
  public void save() {
    load();
    List<NativeTileItem> items = new ArrayList<>();
    for (Row r : rows) {
      items.add(new NativeTileItem(r.getBadgeKey(), r.getLabel(), r.getUrl()));
    }
    try {
      tiles.save(items, version, me.auditActor());
    } catch (TileInputException e) {
      error(fieldOf(e), e.key(), e.args());
      return;
    } catch (WorkbenchDisplay.Refused e) {
      FacesContext.getCurrentInstance()
          .addMessage(
              "save",
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  BundleText.format(
                      BUNDLE,
                      BundleText.viewLocale(),
                      "workbench.native.refused",
                      List.of(e.explain(BundleText.viewLocale().getLanguage()))),
                  null));
      return;
    }
    rows = null;
    load();
    saved = true;
  }

  /** The field a problem belongs beside: the row's field named by the message, else the button. */
  static String fieldOf(TileInputException e) {
    if (e.args().isEmpty() || !e.args().get(0).matches("[1-4]")) {
      return "save";
    }
    String n = e.args().get(0);
    return switch (e.key()) {
      case "workbench.native.badgeUnknown" -> "badge" + n;
      case "workbench.native.urlInvalid" -> "url" + n;
      default -> "label" + n;
    };
  }

  private static void error(String clientId, String key, List<String> args) {
    FacesContext.getCurrentInstance()
        .addMessage(
            clientId,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                BundleText.format(BUNDLE, BundleText.viewLocale(), key, args),
                null));
  }
}
