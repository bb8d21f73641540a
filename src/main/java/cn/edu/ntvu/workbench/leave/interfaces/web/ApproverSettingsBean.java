package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryPicker;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.leave.application.LeaveDeputies;
import cn.edu.ntvu.workbench.leave.application.LeavePhrases;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
import cn.edu.ntvu.workbench.leave.domain.Deputies;
import cn.edu.ntvu.workbench.leave.domain.QuickPhrases;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /leave/approver.xhtml} 审批设置 (staff; issue 18, items 6 and 7): my deputy while I am away (a
 * staff member and a range of days), my quick phrases; for admins also every approver's deputies
 * (set one for anyone) and the phrases for everybody. The account is the signed-in person's (or,
 * for admins, the chosen approver's); the services check the caller again.
 */
@Requires(kind = PersonKind.STAFF)
@Named("approverSettings")
@ViewScoped
public class ApproverSettingsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurrentUser me;
  @Inject LeaveDeputies deputies;
  @Inject LeavePhrases phrases;

  private final DirectoryPicker deputyPicker = new DirectoryPicker(PickScope.staff(), 8);
  private final DirectoryPicker approverPicker = new DirectoryPicker(PickScope.staff(), 8);
  private String from;
  private String to;
  private String deputyProblem;
  private String datesProblem;
  private boolean forOther;
  private String phrase;
  private String phraseProblem;
  private String sharedPhrase;
  private String sharedPhraseProblem;

  public DirectoryPicker getDeputyPicker() {
    return deputyPicker;
  }

  public DirectoryPicker getApproverPicker() {
    return approverPicker;
  }

  public List<LeaveDeputies.DeputyRow> getMine() {
    return deputies.of(me.getAccount());
  }

  public List<LeaveDeputies.DeputyRow> getAll() {
    return me.isAdmin() ? deputies.all() : List.of();
  }

  public List<LeavePhrases.Phrase> getOwnPhrases() {
    return phrases.own(me.getAccount());
  }

  public List<LeavePhrases.Phrase> getSharedPhrases() {
    return phrases.shared();
  }

  public int getOwnMax() {
    return QuickPhrases.OWN_MAX;
  }

  public int getPhraseLength() {
    return QuickPhrases.LENGTH;
  }

  /** Sets the deputy for me, or (an admin with an approver chosen) for that approver. */
  public void saveDeputy() {
    deputyProblem = null;
    datesProblem = null;
    LeaveTexts t = LeaveTexts.ofView();
    String approver = me.getAccount();
    if (me.isAdmin() && !approverPicker.getSelected().isEmpty()) {
      approver = last(approverPicker.getSelected());
    }
    if (deputyPicker.getSelected().isEmpty()) {
      deputyProblem = t.get("leave.deputy.problem.UNKNOWN");
      return;
    }
    String deputy = last(deputyPicker.getSelected());
    LocalDate a = day(from);
    LocalDate b = day(to);
    if (a == null || b == null) {
      datesProblem = t.get("leave.deputy.badDate");
      return;
    }
    Optional<Deputies.Problem> problem = deputies.set(me.get(), approver, deputy, a, b);
    if (problem.isPresent()) {
      String text = t.get("leave.deputy.problem." + problem.get().name());
      switch (problem.get()) {
        case ENDS_BEFORE_START, IN_THE_PAST, TOO_FAR, OVERLAPS -> datesProblem = text;
        default -> deputyProblem = text;
      }
      return;
    }
    deputyPicker.setSelected(List.of());
    approverPicker.setSelected(List.of());
    from = null;
    to = null;
    info(t.get("leave.deputy.saved"));
  }

  public void removeDeputy(long id) {
    if (deputies.remove(me.get(), id)) {
      info(LeaveTexts.ofView().get("leave.deputy.removed"));
    }
  }

  public void addPhrase() {
    phraseProblem = problem(phrases.addOwn(me.get(), phrase));
    if (phraseProblem == null) {
      phrase = null;
      info(LeaveTexts.ofView().get("leave.phrase.added"));
    }
  }

  public void removePhrase(long id) {
    phrases.removeOwn(me.get(), id);
  }

  public void addSharedPhrase() {
    sharedPhraseProblem = problem(phrases.addShared(me.get(), sharedPhrase));
    if (sharedPhraseProblem == null) {
      sharedPhrase = null;
      info(LeaveTexts.ofView().get("leave.phrase.added"));
    }
  }

  public void removeSharedPhrase(long id) {
    phrases.removeShared(me.get(), id);
  }

  private static String problem(Optional<QuickPhrases.Problem> p) {
    return p.map(x -> LeaveTexts.ofView().get("leave.phrase.problem." + x.name())).orElse(null);
  }

  private static String last(List<DirectoryHit> hits) {
    return hits.get(hits.size() - 1).key();
  }

  private static LocalDate day(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getDeputyProblem() {
    return deputyProblem;
  }

  public String getDatesProblem() {
    return datesProblem;
  }

  public boolean isForOther() {
    return forOther;
  }

  public void setForOther(boolean forOther) {
    this.forOther = forOther;
  }

  public String getPhrase() {
    return phrase;
  }

  public void setPhrase(String phrase) {
    this.phrase = phrase;
  }

  public String getPhraseProblem() {
    return phraseProblem;
  }

  public String getSharedPhrase() {
    return sharedPhrase;
  }

  public void setSharedPhrase(String sharedPhrase) {
    this.sharedPhrase = sharedPhrase;
  }

  public String getSharedPhraseProblem() {
    return sharedPhraseProblem;
  }
}
