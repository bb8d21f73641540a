package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.DirectorySearch;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.application.TileStateAdmin;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.TileStateException;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 首页横幅 ({@code /admin/workbench/banners.xhtml}, issue 21): publish a banner for an audience (the
 * same 谁能看到 as a tile: everyone, roles, person kinds, and departments, classes and people from the
 * picker) from a time until a time, and end one early. Every change in the audit log.
 */
@Requires(roles = Role.ADMIN)
@Named("bannerAdmin")
@ViewScoped
public class BannerAdminBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "i18n.workbench";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject TileStateAdmin admin;
  @Inject CurrentUser me;
  @Inject DirectorySearch directory;

  private final DirectoryPicker picker = new DirectoryPicker(TileAdminBean.VISIBILITY_SCOPE, 8);

  private String message;
  private String from;
  private String until;
  private final AudienceFields audienceFields = new AudienceFields();
  private transient List<Banner> banners;

  public List<Banner> getBanners() {
    if (banners == null) {
      banners = admin.latestBanners();
    }
    return banners;
  }

  /** 未开始, 进行中 or 已结束, in the page's language. */
  public String status(Banner b) {
    LocalDateTime now = admin.now();
    String key =
        b.isOverAt(now)
            ? "workbench.banner.status.over"
            : b.isOnAt(now) ? "workbench.banner.status.on" : "workbench.banner.status.later";
    return BundleText.text(BUNDLE, BundleText.viewLocale(), key);
  }

  public boolean isOver(Banner b) {
    return b.isOverAt(admin.now());
  }

  public String when(LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }

  /** 谁能看到 in a few words. */
  public String audience(Banner b) {
    Locale locale = BundleText.viewLocale();
    Visibility v = b.audience();
    if (v.everyone()) {
      return BundleText.text(BUNDLE, locale, "workbench.field.everyone");
    }
    List<String> parts = AudienceFields.roleAndKindNames(v, locale);
    addNames(parts, PickKind.DEPARTMENT, v.departments());
    addNames(parts, PickKind.CLASS, v.classes());
    addNames(parts, PickKind.PERSON, v.people());
    return String.join(BundleText.text(BUNDLE, locale, "workbench.audience.separator"), parts);
  }

  private void addNames(List<String> parts, PickKind kind, Set<String> codes) {
    for (String c : new TreeSet<>(codes)) {
      parts.add(
          directory
              .find(kind, c, TileAdminBean.VISIBILITY_SCOPE)
              .map(DirectoryHit::name)
              .orElse(c));
    }
  }

  public void publish() {
    try {
      Map<PickKind, Set<String>> picked = new EnumMap<>(PickKind.class);
      for (PickKind k : PickKind.values()) {
        picked.put(k, new TreeSet<>());
      }
      for (DirectoryHit h : picker.getSelected()) {
        if (h == null
            || directory.find(h.kind(), h.key(), TileAdminBean.VISIBILITY_SCOPE).isEmpty()) {
          fieldError(
              "banner-picker",
              BundleText.text("i18n.directory", BundleText.viewLocale(), "picker.unknown"));
          return;
        }
        picked.get(h.kind()).add(h.key());
      }
      Visibility v = audienceFields.visibility(picked);
      Banner b =
          new Banner(
                  0,
                  message,
                  TileStateForm.dateTime("banner-from", from),
                  TileStateForm.dateTime("banner-until", until),
                  v,
                  null,
                  null)
              .checked();
      admin.publish(b, me.auditActor());
      info("workbench.banner.published");
      clear();
    } catch (TileStateException e) {
      fieldError(e.field(), BundleText.format(BUNDLE, BundleText.viewLocale(), e.key(), e.args()));
    }
    banners = null;
  }

  public void end(long id) {
    if (admin.end(id, me.auditActor())) {
      info("workbench.banner.ended");
    }
    banners = null;
  }

  private void clear() {
    message = null;
    from = null;
    until = null;
    audienceFields.clear();
    picker.setSelected(List.of());
  }

  private static void info(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                BundleText.text(BUNDLE, BundleText.viewLocale(), key),
                null));
  }

  private static void fieldError(String field, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public DirectoryPicker getPicker() {
    return picker;
  }

  public AudienceFields getAudience() {
    return audienceFields;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getFrom() {
    if (from == null) {
      from = TileStateForm.time(admin.now());
    }
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }
}
