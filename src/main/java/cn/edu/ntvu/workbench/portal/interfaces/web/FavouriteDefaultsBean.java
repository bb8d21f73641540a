package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.application.DefaultFavourites;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import cn.edu.ntvu.workbench.portal.domain.Favourites;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 默认常用 ({@code /admin/workbench/favourites.xhtml}): an admin chooses an audience (a role or a kind
 * of person) and sets its default 常用 row: add a tile, move one up or down, remove one. Each change
 * is saved at once, audited ({@link DefaultFavourites}).
 */
@Requires(roles = Role.ADMIN)
@Named("favouriteDefaults")
@ViewScoped
public class FavouriteDefaultsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "i18n.workbench";

  @Inject transient DefaultFavourites defaults;
  @Inject transient WorkbenchTiles tiles;
  @Inject transient CurrentUser me;

  /** A tile of the row. */
  public record Row(long id, String name, boolean first, boolean last) implements Serializable {}

  /** A tile that can be added. */
  public record Choice(long id, String label) implements Serializable {}

  private String audience = "KIND:STUDENT";
  private Long tileToAdd;

  public List<String> getAudiences() {
    return Favourites.AUDIENCES;
  }

  /** The bundle key naming an audience ({@code KIND:STUDENT} → {@code …aud.KIND.STUDENT}). */
  public String audienceKey(String a) {
    return "workbench.favadmin.aud." + a.replace(':', '.');
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = Favourites.AUDIENCES.contains(audience) ? audience : "KIND:STUDENT";
  }

  public Long getTileToAdd() {
    return tileToAdd;
  }

  public void setTileToAdd(Long tileToAdd) {
    this.tileToAdd = tileToAdd;
  }

  private Map<Long, Tile> tileMap() {
    return tiles.allFresh().stream()
        .collect(Collectors.toMap(Tile::id, Function.identity(), (a, b) -> a));
  }

  private List<Long> current() {
    return defaults.all().getOrDefault(audience, List.of());
  }

  public List<Row> getRows() {
    Map<Long, Tile> all = tileMap();
    List<Long> ids = current().stream().filter(all::containsKey).toList();
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      out.add(new Row(ids.get(i), all.get(ids.get(i)).name(), i == 0, i == ids.size() - 1));
    }
    return out;
  }

  /** Enabled tiles not yet in the row. */
  public List<Choice> getChoices() {
    List<Long> ids = current();
    return tiles.allFresh().stream()
        .filter(t -> t.enabled() && !ids.contains(t.id()))
        .map(t -> new Choice(t.id(), t.name()))
        .toList();
  }

  public void show() {
    // the audience is set by the form; the rows are read for it
  }

  public void add() {
    if (tileToAdd == null) {
      return;
    }
    List<Long> ids = new ArrayList<>(current());
    if (ids.contains(tileToAdd)) {
      return;
    }
    if (ids.size() >= Favourites.MAX) {
      error("workbench.fav.limit", String.valueOf(Favourites.MAX));
      return;
    }
    ids.add(tileToAdd);
    save(ids);
    tileToAdd = null;
  }

  public void up(long id) {
    save(Favourites.move(current(), id, true));
  }

  public void down(long id) {
    save(Favourites.move(current(), id, false));
  }

  public void remove(long id) {
    save(Favourites.unpin(current(), id));
  }

  private void save(List<Long> ids) {
    try {
      defaults.save(audience, ids, me.auditActor());
      add(FacesMessage.SEVERITY_INFO, "workbench.favadmin.saved");
    } catch (TileInputException e) {
      error(e.key(), e.args().toArray(String[]::new));
    }
  }

  private static void error(String key, String... args) {
    add(FacesMessage.SEVERITY_ERROR, key, args);
  }

  private static void add(FacesMessage.Severity severity, String key, String... args) {
    String text = BundleText.format(BUNDLE, BundleText.viewLocale(), key, List.of(args));
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
