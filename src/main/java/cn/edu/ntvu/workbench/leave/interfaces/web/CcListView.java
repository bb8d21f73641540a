package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.CcStore;
import cn.edu.ntvu.workbench.leave.application.LeaveCc;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /leave/cc.xhtml?page=2}: 抄送我的 (issue 18 item 4) — the requests I was copied on, newest
 * copy first, {@value LeaveCc#PAGE_SIZE} a page, with how many in all, why I was copied (班主任, 任课老师,
 * …) and where each request stands now; each opens read-only. Staff only; the query is by the
 * signed-in account, nothing from the browser chooses whose.
 */
@Requires(kind = PersonKind.STAFF)
@Named("ccList")
@RequestScoped
public class CcListView {
  @Inject CurrentUser me;
  @Inject LeaveCc cc;

  private String pageParam;
  private int page = 1;
  private List<CcStore.CopiedToMe> rows;
  private boolean more;
  private Long total;

  public void load() {
    try {
      page = pageParam == null ? 1 : Integer.parseInt(pageParam.strip());
    } catch (NumberFormatException e) {
      page = 1;
    }
    page = Math.max(1, Math.min(page, 50_000));
    List<CcStore.CopiedToMe> found = cc.copiedTo(me.get(), page);
    more = found.size() > LeaveCc.PAGE_SIZE;
    rows = more ? found.subList(0, LeaveCc.PAGE_SIZE) : found;
  }

  public List<CcStore.CopiedToMe> getRows() {
    return rows;
  }

  public boolean isMore() {
    return more;
  }

  public int getPage() {
    return page;
  }

  /** How many requests I was copied on in all (also the count on the leave home's line). */
  public long getTotal() {
    if (total == null) {
      total = cc.countCopiedTo(me.get());
    }
    return total;
  }

  public String getPageParam() {
    return pageParam;
  }

  public void setPageParam(String pageParam) {
    this.pageParam = pageParam;
  }
}
