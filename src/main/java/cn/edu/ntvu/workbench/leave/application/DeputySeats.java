package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.Deputies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 代理 where a step opens (issue 18, item 6): each approver of the step who is away that day (a range
 * of {@code leave_deputy}) gets their deputy — or the deputy's own deputy, passed on once — as an
 * extra seat on the chain ({@link ApprovalChain#addDeputySeat}, origin DEPUTY, deciding in the
 * holder's name). Called by {@link StepOpener} after the step's seats exist and before the card is
 * queued, so the deputies get the same card (one send, one response code: whoever decides, the
 * others' cards are settled together). Each seat is a timeline line {@code DEPUTY_SEAT} ("余刚 代
 * 陶博").
 */
@ApplicationScoped
public class DeputySeats {
  @Inject LeaveDeputies deputies;
  @Inject LeaveStore store;
  @Inject cn.edu.ntvu.workbench.identity.application.DirectoryQueries directory;

  /**
   * A seat added: {@code deputy} for {@code holder} ({@code passedOnBy}: the first deputy, away).
   */
  public record Added(String deputy, String deputyName, String holder, String passedOnBy) {}

  /**
   * Adds the deputy seats of step {@code stepNo} to {@code chain} (not saved); the seats the chain
   * refused (the deputy already on the step, …) are left out.
   */
  public List<Added> addTo(
      ApprovalChain chain, int stepNo, List<String> holders, LocalDateTime now) {
    List<Added> out = new ArrayList<>();
    for (String holder : holders) {
      Optional<Deputies.Seat> seat = deputies.seatFor(holder, now.toLocalDate());
      if (seat.isEmpty()) {
        continue;
      }
      String deputy = seat.get().deputy();
      String name = directory.namesOf(List.of(deputy)).getOrDefault(deputy, deputy);
      ApprovalChain.Result r =
          chain.addDeputySeat(stepNo, ApprovalChain.Target.ok(deputy, name), holder, now);
      if (r.ok()) {
        out.add(new Added(deputy, name, holder, seat.get().passedOnBy()));
      }
    }
    return out;
  }

  /**
   * Adds the deputy seats of step {@code stepNo}, which just opened on {@code chain} (loaded under
   * the request lock by the caller, who saves it), and writes their timeline lines; the deputies'
   * accounts (for the card).
   */
  @Transactional(TxType.MANDATORY)
  public List<String> seatOpenedStep(
      LeaveRequestRow r, ApprovalChain chain, int stepNo, List<String> holders, LocalDateTime now) {
    if (holders.isEmpty()) {
      return List.of();
    }
    List<Added> added = addTo(chain, stepNo, holders, now);
    if (added.isEmpty()) {
      return List.of();
    }
    record(r.id(), stepNo, added, now);
    return added.stream().map(Added::deputy).toList();
  }

  /** The timeline lines of seats added: "余刚 代 陶博" (and who passed it on). */
  public void record(long requestId, int stepNo, List<Added> added, LocalDateTime now) {
    List<String> accounts = new ArrayList<>();
    for (Added a : added) {
      accounts.add(a.holder());
      if (a.passedOnBy() != null) {
        accounts.add(a.passedOnBy());
      }
    }
    Map<String, String> names = directory.namesOf(accounts);
    LeaveTexts t = LeaveTexts.chinese();
    for (Added a : added) {
      String text =
          t.get("leave.deputy.on", a.deputyName(), names.getOrDefault(a.holder(), a.holder()));
      if (a.passedOnBy() != null) {
        text =
            text
                + t.get(
                    "leave.deputy.passedOn", names.getOrDefault(a.passedOnBy(), a.passedOnBy()));
      }
      store.event(
          requestId,
          LeaveActor.SYSTEM.account(),
          "",
          "DEPUTY_SEAT",
          stepNo,
          DecisionVia.AUTOMATIC.name(),
          text,
          now);
    }
  }
}
