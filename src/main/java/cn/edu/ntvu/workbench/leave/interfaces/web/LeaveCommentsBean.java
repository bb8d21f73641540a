package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.leave.application.LeaveComments;
import cn.edu.ntvu.workbench.leave.application.LeavePhrases;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.Comments;
import cn.edu.ntvu.workbench.leave.domain.QuickPhrases;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The request page's 评论 box and the quick phrases of its 驳回 reason (issue 18, item 7; {@code
 * WEB-INF/leave/request-deputy.xhtml}, {@code WEB-INF/leave/reject-phrases.xhtml}). The request is
 * the one {@link LeaveDetailBean} loaded for this viewer (who may see it); {@link LeaveComments}
 * checks again who may comment. A phrase chosen in the select (pages without JavaScript) is put
 * into the box on the server; with JavaScript one tap puts it in at once ({@code
 * resources/leave/phrases.js}).
 */
@Named("leaveComments")
@ViewScoped
public class LeaveCommentsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveDetailBean detail;
  @Inject LeaveComments comments;
  @Inject LeavePhrases phrases;

  private String text;
  private String commentPhrase;
  private String problem;
  private List<LeavePhrases.Phrase> offered;
  private long shownFor;
  private boolean shown;

  private long requestId() {
    return detail.getDetail() == null ? 0 : detail.getDetail().request().id();
  }

  public boolean isShown() {
    long id = requestId();
    if (id == 0) {
      return false;
    }
    if (shownFor != id) {
      // Asked once per view and request (the attribute is read several times a render).
      shown = comments.mayComment(id, me.get());
      shownFor = id;
    }
    return shown;
  }

  /** The phrases this approver may insert (students have none). */
  public List<LeavePhrases.Phrase> getPhrases() {
    if (offered == null) {
      offered =
          me.get() == null || me.get().isStudent() ? List.of() : phrases.offeredTo(me.getAccount());
    }
    return offered;
  }

  public int getMax() {
    return Comments.MAX;
  }

  public void send() {
    problem = null;
    long id = requestId();
    String typed = QuickPhrases.insert(text, commentPhrase);
    commentPhrase = null;
    LeaveComments.Outcome o = comments.add(id, me.get(), typed);
    LeaveTexts t = LeaveTexts.ofView();
    switch (o) {
      case ADDED -> {
        text = null;
        detail.reloadAfterComment();
        FacesContext.getCurrentInstance()
            .addMessage(
                null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, t.get("leave.comment.added"), null));
      }
      case REFUSED -> problem = t.get("leave.comment.refused");
      default -> {
        text = typed;
        problem = t.get("leave.comment.problem." + o.name(), Comments.MAX, Comments.PER_HOUR);
      }
    }
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCommentPhrase() {
    return commentPhrase;
  }

  public void setCommentPhrase(String commentPhrase) {
    this.commentPhrase = commentPhrase;
  }

  /** The no-JavaScript select under the 驳回 reason: the chosen phrase goes into that reason. */
  public String getRejectPhrase() {
    return null;
  }

  public void setRejectPhrase(String phrase) {
    if (phrase != null && !phrase.isBlank()) {
      detail.setRejectReason(QuickPhrases.insert(detail.getRejectReason(), phrase));
    }
  }

  public String getProblem() {
    return problem;
  }
}
