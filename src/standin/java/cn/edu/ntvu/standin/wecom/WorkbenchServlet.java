package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Pages;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /workbench?user=…}: what a person's tile on WeCom's own workbench would display (工作台自定义展示)
 * — their own data pushed by the app, else the template's default — and the template itself;
 * without a user, the first people with data of their own.
 */
@WebServlet("/workbench")
public class WorkbenchServlet extends HttpServlet {
  @Inject StandInWorkbench workbench;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String user = req.getParameter("user") == null ? "" : req.getParameter("user").strip();
    if (user.length() > 64) {
      user = user.substring(0, 64);
    }
    Pages page = Pages.of(req);
    page.begin(page.text("workbench.title"));
    page.raw("<p class=\"wb-muted\">")
        .escaped(page.text("workbench.intro"))
        .raw("</p><form method=\"get\" action=\"")
        .raw(page.contextPath())
        .raw("/workbench\" class=\"wb-card si-filter\" id=\"workbench-filter\">")
        .raw("<label class=\"si-field\">")
        .escaped(page.text("inbox.user"))
        .raw(
            "<input class=\"wb-input\" type=\"text\" name=\"user\" id=\"user\" maxlength=\"64\""
                + " autocomplete=\"off\" value=\"")
        .escaped(user)
        .raw("\"/></label><div><button type=\"submit\" class=\"wb-button\" id=\"show\">")
        .escaped(page.text("inbox.show"))
        .raw("</button></div></form>");
    JsonObject template = workbench.template();
    page.raw("<section class=\"wb-card\" id=\"workbench-template\"><h2 class=\"wb-card-title\">")
        .escaped(page.text("workbench.template"))
        .raw("</h2>");
    if (template == null) {
      page.raw("<p class=\"wb-muted\">").escaped(page.text("workbench.noTemplate")).raw("</p>");
    } else {
      tile(page, template, "template-tile");
    }
    page.raw("</section>");
    if (!user.isEmpty()) {
      page.raw("<section class=\"wb-card\" id=\"workbench-person\"><h2 class=\"wb-card-title\">")
          .escaped(user)
          .raw("</h2>");
      tile(page, workbench.shown(user), "person-tile");
      page.raw("</section>");
    } else {
      page.raw("<p class=\"wb-muted\" id=\"workbench-count\">")
          .escaped(page.text("workbench.count") + " " + workbench.peopleWithData())
          .raw("</p><ol class=\"si-rows\" id=\"workbench-people\">");
      for (Map.Entry<String, JsonObject> e : workbench.people(50).entrySet()) {
        page.raw("<li class=\"wb-card si-row\" data-userid=\"")
            .escaped(e.getKey())
            .raw("\"><p class=\"si-head\">")
            .escaped(e.getKey())
            .raw("</p>");
        tile(page, e.getValue(), null);
        page.raw("</li>");
      }
      page.raw("</ol>");
    }
    page.send(res, 200);
  }

  /** The keydata items as the native tile lays them out: number above, label below. */
  private static void tile(Pages page, JsonObject shown, String id) {
    String type = shown.getString("type", "normal");
    if (!"keydata".equals(type)) {
      page.raw("<p class=\"wb-muted\">").escaped(type).raw("</p>");
      return;
    }
    page.raw("<ul class=\"si-keydata\"").raw(id == null ? "" : " id=\"" + id + "\"").raw(">");
    for (JsonValue v : StandInWorkbench.items(shown)) {
      JsonObject item = v.asJsonObject();
      page.raw("<li><strong class=\"si-keydata-data\">")
          .escaped(text(item, "data"))
          .raw("</strong><span class=\"si-keydata-key\">")
          .escaped(text(item, "key"))
          .raw("</span><span class=\"wb-small wb-muted\">")
          .escaped(text(item, "jump_url"))
          .raw("</span></li>");
    }
    page.raw("</ul>");
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : "";
  }
}
