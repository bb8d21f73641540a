package cn.edu.ntvu.standin.school;

import cn.edu.ntvu.standin.Pages;
import java.util.stream.Collectors;

/**
 * The part both sign-in screens share (CAS's login page, WeCom's authorize screen): one button per
 * demo person, labelled with every role they hold, a field to type any other account, and the "try
 * this" steps of the story. Each button submits {@code as=<account>} and carries {@code data-role}
 * and {@code data-account} for tests.
 */
public final class CastHtml {
  private CastHtml() {}

  /** e.g. 毛敏（10001）· 辅导员（机械制造241班）、教师 — every role they hold, the one they are shown for first. */
  public static String label(Pages page, Cast.Member m) {
    String roles =
        m.roles().stream()
            .map(
                h -> {
                  String role = page.text("role." + h.role().name());
                  return h.scope() == null ? role : page.text("cast.scoped", role, h.scope());
                })
            .distinct()
            .collect(Collectors.joining(page.text("cast.and")));
    return page.text("cast.person", m.name(), m.account(), roles);
  }

  /** The buttons of the cast and the account field, inside a form the caller opened. */
  public static void choices(Pages page, Cast cast, String submitLabel, String problem) {
    page.raw("<div class=\"wb-list\">");
    for (Cast.Member m : cast.members()) {
      page.raw("<button type=\"submit\" name=\"as\" class=\"wb-list-item wb-choice\" value=\"")
          .escaped(m.account())
          .raw("\" data-account=\"")
          .escaped(m.account())
          .raw("\" data-role=\"")
          .raw(m.shownAs().name())
          .raw("\">")
          .escaped(label(page, m))
          .raw("</button>");
    }
    page.raw("</div><label for=\"account\" class=\"wb-label\">")
        .escaped(page.text("cast.account"))
        .raw(
            "</label><input id=\"account\" name=\"account\" class=\"wb-input\" autocomplete=\"off\" maxlength=\"64\"/>");
    if (problem != null) {
      page.raw("<span class=\"wb-error\" id=\"account-problem\">").escaped(problem).raw("</span>");
    }
    page.raw(
            "<button type=\"submit\" id=\"continue\" name=\"continue\" value=\"continue\" class=\"wb-button\">")
        .escaped(submitLabel)
        .raw("</button>");
  }

  /** The story's three steps, when the school has the people to tell it. */
  public static void tryThis(Pages page, Cast cast) {
    if (!cast.tellsTheStory()) {
      return;
    }
    String student = cast.student().map(Cast.Member::name).orElse("");
    page.raw("<section class=\"wb-card\" id=\"try-this\" aria-labelledby=\"try-this-h\">")
        .raw("<h2 class=\"wb-card-title\" id=\"try-this-h\">")
        .escaped(page.text("try.title"))
        .raw("</h2>")
        .raw("<ol class=\"wb-steps\"><li id=\"try-leave\">")
        .escaped(page.text("try.leave", student))
        .raw("</li><li id=\"try-approve\">")
        .escaped(page.text("try.approve", cast.counsellor().map(Cast.Member::name).orElse("")))
        .raw("</li><li id=\"try-form\">")
        .escaped(
            page.text(
                "try.form",
                cast.teacher().map(Cast.Member::name).orElse(""),
                cast.classCode(),
                cast.className(),
                student))
        .raw("</li></ol><p class=\"wb-muted wb-small\" id=\"try-switch\">")
        .escaped(page.text("try.switch"))
        .raw("</p></section>");
  }

  /**
   * An account someone typed, or null when it cannot be one (letters, digits and {@code _-@.}, at
   * most 64).
   */
  public static String typedAccount(String text) {
    String a = text == null ? "" : text.strip();
    return a.matches("[0-9A-Za-z][0-9A-Za-z_\\-@.]{0,63}") ? a : null;
  }
}
