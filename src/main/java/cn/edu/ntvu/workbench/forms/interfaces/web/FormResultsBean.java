package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormResults;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.application.QuestionStats;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.application.ResponseRow;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /forms/results.xhtml?id=}: for owners and co-owners only — filled / asked, statistics per
 * question, the answers with a filter (50 a page), who has not filled, remind them, export. On an
 * anonymous form no name, account or time appears, and the not-filled list shows only its count.
 */
@Requires(kind = PersonKind.STAFF)
@Named("formResults")
@ViewScoped
public class FormResultsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject CurrentUser me;
  @Inject FormResults results;
  @Inject Clock clock;

  private String idParam;
  private long id;
  private boolean refused;
  private FormResults.Overview overview;
  private List<ResponseRow> rows = List.of();
  private List<Recipient> notFilled = List.of();
  private String filter;
  private long after;

  public void load() {
    if (overview != null || refused) {
      return;
    }
    id = Pages.id(idParam);
    after = Math.max(0, Pages.id(Pages.param("after")));
    filter = Pages.param("q");
    try {
      reload();
    } catch (FormAccessDenied e) {
      refused = true;
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (Pages.param("published") != null) {
      Pages.info(FormsTexts.ofView().get("forms.builder.published"));
    }
  }

  private void reload() {
    overview = results.overview(me.get(), id);
    rows = results.responses(me.get(), id, filter, after, PAGE);
    notFilled =
        overview.form().settings().anonymous() ? List.of() : results.notFilled(me.get(), id, 500);
  }

  public void applyFilter() {
    after = 0;
    reload();
  }

  public void remind() {
    FormsTexts t = FormsTexts.ofView();
    try {
      FormResults.RemindOutcome out = results.remind(me.get(), id);
      if (out.refusalKey() == null) {
        Pages.info(t.get("forms.results.remind.done", out.reminded()));
      } else {
        Pages.error(
            t.get(
                out.refusalKey(),
                out.nextAt() == null
                    ? ""
                    : out.nextAt().format(DateTimeFormatter.ofPattern("HH:mm"))));
      }
      reload();
    } catch (FormAccessDenied e) {
      refused = true;
      Pages.status(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  public String cell(ResponseRow r, Question q) {
    String s = AnswerCells.text(q, r.answers().get(q.id()), "");
    if (r.answers().get(q.id()) != null && r.answers().get(q.id()).fileId() != null) {
      return FormsTexts.ofView().get("forms.fill.fileStored");
    }
    return s.length() > 60 ? s.substring(0, 59) + "…" : s;
  }

  public Long fileId(ResponseRow r, Question q) {
    var a = r.answers().get(q.id());
    return a == null ? null : a.fileId();
  }

  public boolean isOpen() {
    return overview != null && overview.form().open(LocalDateTime.now(clock));
  }

  /**
   * When the last reminder was less than {@link FormResults#REMIND_GAP} ago, the time from which
   * another may go ("14:05"); else null. The button then gives way to this line, so nobody taps a
   * button that can only say "not yet".
   */
  public String getNextRemindAt() {
    if (overview == null || overview.form().lastRemindedAt() == null) {
      return null;
    }
    LocalDateTime next = overview.form().lastRemindedAt().plus(FormResults.REMIND_GAP);
    return LocalDateTime.now(clock).isBefore(next)
        ? next.format(DateTimeFormatter.ofPattern("HH:mm"))
        : null;
  }

  public String getRemindLaterText() {
    String at = getNextRemindAt();
    return at == null ? "" : FormsTexts.ofView().get("forms.results.remind.later", at);
  }

  public String getRemindLabel() {
    return FormsTexts.ofView().get("forms.results.remind", overview.notFilled());
  }

  public String getNotFilledTitle() {
    return FormsTexts.ofView().get("forms.results.notFilled", overview.notFilled());
  }

  public String answered(QuestionStats s) {
    return FormsTexts.ofView().get("forms.results.answered", s.answered());
  }

  public boolean isAnonymous() {
    return overview != null && overview.form().settings().anonymous();
  }

  public int getPercent() {
    return overview == null || overview.asked() == 0
        ? 0
        : (int) (100 * overview.filled() / overview.asked());
  }

  public long getNextAfter() {
    return rows.size() < PAGE ? 0 : rows.get(rows.size() - 1).id();
  }

  public boolean isRefused() {
    return refused;
  }

  public FormResults.Overview getOverview() {
    return overview;
  }

  public List<ResponseRow> getRows() {
    return rows;
  }

  public List<Recipient> getNotFilled() {
    return notFilled;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public String getIdParam() {
    return idParam;
  }

  public void setIdParam(String idParam) {
    this.idParam = idParam;
  }

  public long getId() {
    return id;
  }
}
