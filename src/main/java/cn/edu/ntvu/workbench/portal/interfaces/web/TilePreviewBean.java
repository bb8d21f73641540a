package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import cn.edu.ntvu.workbench.portal.interfaces.web.WorkbenchHome.SceneView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * "Preview the workbench as" ({@code /admin/workbench/preview.xhtml?account=…}, admin pages only):
 * the tiles a person would see, by the same rules and markup as their home page, and the tiles they
 * would not see with the reason. Badges are left out: they are that person's own business (and a
 * preview must not ask providers on their behalf).
 */
@Requires(roles = Role.ADMIN)
@Named("tilePreview")
@RequestScoped
public class TilePreviewBean {
  @Inject SignInService signIn;
  @Inject WorkbenchTiles tiles;
  @Inject HttpServletRequest request;
  @Inject AppInfo app;

  /** A tile the person does not see, and why. */
  public record Hidden(String name, boolean disabled) {}

  private String account;
  private SignedInUser person;
  private String problem;
  private List<SceneView> scenes = List.of();
  private List<Hidden> hidden = List.of();
  private boolean loaded;

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    String a = request.getParameter("account");
    account = a == null ? "" : a.strip();
    if (account.isEmpty()) {
      return;
    }
    if (account.length() > 32) {
      problem = "workbench.preview.notFound";
      return;
    }
    SignInService.Outcome outcome = signIn.resolve(account, SignInPath.DEV);
    if (outcome instanceof SignInService.Outcome.SignedIn s) {
      person = s.user();
      WorkbenchTiles.Snapshot snapshot = tiles.snapshot(person);
      scenes =
          WorkbenchHome.scenes(
              snapshot.visible(), Map.of(), request.getContextPath(), app.getAssetVersion());
      hidden =
          snapshot.tiles().stream()
              .filter(t -> !t.isVisibleTo(snapshot.viewer()))
              .map(t -> new Hidden(t.name(), !t.enabled()))
              .toList();
    } else if (outcome instanceof SignInService.Outcome.Disabled) {
      problem = "workbench.preview.disabled";
    } else {
      problem = "workbench.preview.notFound";
    }
  }

  public String getAccount() {
    load();
    return account;
  }

  public SignedInUser getPerson() {
    load();
    return person;
  }

  public String getProblem() {
    load();
    return problem;
  }

  public List<SceneView> getScenes() {
    load();
    return scenes;
  }

  public List<Hidden> getHidden() {
    load();
    return hidden;
  }

  /** Tiles the person sees, in all scenes. */
  public int getVisibleCount() {
    load();
    return scenes.stream().mapToInt(s -> s.tiles().size()).sum();
  }
}
