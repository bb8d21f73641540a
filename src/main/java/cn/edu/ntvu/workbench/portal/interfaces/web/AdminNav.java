package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admin's pages, listed beside the content of every admin page at a desk ({@code
 * WEB-INF/templates/admin.xhtml}): the same list, in the same order, as the home page's 管理 card.
 */
@Requires(roles = Role.ADMIN)
@Named("adminNav")
@RequestScoped
public class AdminNav {
  /** One admin page: its path and its name in the page's language. */
  public record Link(String path, String text) {}

  public List<Link> getLinks() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale = faces == null ? Locale.CHINA : faces.getViewRoot().getLocale();
    List<Link> links = new ArrayList<>();
    for (String[] l : HomePage.ADMIN_LINKS) {
      links.add(new Link(l[0], BundleText.text(l[2], locale, l[3])));
    }
    return links;
  }
}
