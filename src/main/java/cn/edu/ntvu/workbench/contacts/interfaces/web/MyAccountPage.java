package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.ContactsSettings;
import cn.edu.ntvu.workbench.contacts.application.MyAccount;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Backs {@code /account/index.xhtml} (我的账号), reachable through CAS and inside WeCom like every
 * signed-in page: the signed-in person's own account only, the mobile number masked, and what to do
 * in each WeCom state in the school guide's words.
 */
@Named("myAccount")
@RequestScoped
public class MyAccountPage {
  static final String BUNDLE = "i18n.contacts";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject CurrentUser me;

  @Inject MyAccount accounts;

  @Inject ContactsSettings settings;

  private MyAccount.View view;
  private boolean loaded;

  public MyAccount.View getView() {
    if (!loaded) {
      view = accounts.of(me.getAccount()).orElse(null);
      loaded = true;
    }
    return view;
  }

  public String getStatus() {
    if (inWeComNow()) {
      return MemberStatus.ACTIVATED.name();
    }
    return getView() == null ? MemberStatus.MISSING.name() : view.status().name();
  }

  /**
   * Signed in through WeCom: the person is in the school's WeCom whatever the last sync recorded
   * (not synced yet, or not activated when the sync ran) — never tell them they are not.
   */
  boolean inWeComNow() {
    var u = me.get();
    if (u == null || u.path() != cn.edu.ntvu.workbench.platform.security.SignInPath.WECOM) {
      return false;
    }
    MyAccount.View v = getView();
    return v == null
        || v.status() == MemberStatus.MISSING
        || v.status() == MemberStatus.NOT_ACTIVATED;
  }

  /** The guide's advice for my state. */
  public String getTodo() {
    if (inWeComNow()) {
      return text("account.todo.ACTIVATED");
    }
    MyAccount.View v = getView();
    if (v == null) {
      return text("account.notInDirectory");
    }
    if (v.status() == MemberStatus.NOT_ACTIVATED) {
      return v.mobileMasked().isEmpty()
          ? text("account.todo.NOT_ACTIVATED.noMobile")
          : text("account.todo.NOT_ACTIVATED", v.mobileMasked());
    }
    return text("account.todo." + v.status().name());
  }

  public String getSynced() {
    return getView() == null || view.syncedAt() == null
        ? ""
        : text("account.synced", WHEN.format(view.syncedAt()));
  }

  public String getLastError() {
    MyAccount.View v = getView();
    if (v == null || v.lastErrcode() == null || v.lastErrcode() == 0) {
      return "";
    }
    return text("account.lastError", ErrcodeText.of(v.lastErrcode(), v.lastReason()));
  }

  public String getProfileUrl() {
    return settings.profileUrl().orElse(null);
  }

  public String getSupport() {
    return settings
        .supportContact()
        .map(c -> text("account.support", c))
        .orElse(text("account.support.none"));
  }

  private static String text(String key, String... args) {
    return BundleText.format(BUNDLE, BundleText.viewLocale(), key, List.of(args));
  }
}
