package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.DecidedRow;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /leave/decided.xhtml?page=2}: 已处理, beside 待我审批 — the requests this approver decided (同意 or
 * 驳回, on the page, the card or in a batch), newest decision first, {@value #PAGE_SIZE} a page, each
 * with what they decided, when, and where the request stands now. Only their own decisions: the
 * query is by the signed-in account, nothing from the request chooses whose.
 */
@Requires(kind = PersonKind.STAFF)
@Named("decided")
@RequestScoped
public class DecidedView {
  static final int PAGE_SIZE = 20;

  @Inject CurrentUser me;
  @Inject LeaveQueries queries;

  private String pageParam;
  private int page = 1;
  private List<DecidedRow> rows;
  private boolean more;

  public void load() {
    page = 1;
    try {
      page = pageParam == null ? 1 : Integer.parseInt(pageParam.strip());
    } catch (NumberFormatException e) {
      page = 1;
    }
    page = Math.max(1, Math.min(page, 50_000));
    List<DecidedRow> found = queries.decidedBy(me.get(), page, PAGE_SIZE);
    more = found.size() > PAGE_SIZE;
    rows = more ? found.subList(0, PAGE_SIZE) : found;
  }

  public List<DecidedRow> getRows() {
    return rows;
  }

  public boolean isMore() {
    return more;
  }

  public int getPage() {
    return page;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
