package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who has and has not decided each step of a request, seat by seat (issue 18): for the request
 * page's 审批进度 (会签 steps, and steps where someone was handed over, added, deputised or replaced).
 * Facts only; the caller has checked that the viewer may see the request.
 */
@ApplicationScoped
public class ChainView {
  @Inject ChainStore chains;
  @Inject DirectoryQueries directory;

  /** One person's seat as shown. */
  public record SeatLine(
      String account,
      String name,
      SeatState state,
      SeatOrigin origin,
      String originName,
      String decidedByName,
      boolean byDeputy,
      LocalDateTime decidedAt,
      String comment,
      String note)
      implements Serializable {}

  /** One step with its seats (deputies' seats left out: their decisions show on the holder's). */
  public record StepSeats(
      int stepNo,
      ApproverRole role,
      StepMode mode,
      StepStatus status,
      int approved,
      int counted,
      List<SeatLine> seats)
      implements Serializable {

    /** The seats still to decide (PENDING or WAITING). */
    public List<SeatLine> undecided() {
      return seats.stream().filter(s -> s.state().live()).toList();
    }
  }

  /**
   * The steps worth a seat-by-seat view: 会签 steps, and steps with a seat that did not come from the
   * rule or the fallback. Empty for a plain 或签 chain (its steps section says it all).
   */
  public List<StepSeats> of(long requestId) {
    ApprovalChain chain = chains.read(requestId).orElse(null);
    if (chain == null) {
      return List.of();
    }
    List<ApprovalChain.Step> shown =
        chain.steps().stream()
            .filter(
                s ->
                    s.mode() == StepMode.ALL
                        || s.seats().stream()
                            .anyMatch(
                                a ->
                                    a.origin() != SeatOrigin.RULE
                                        && a.origin() != SeatOrigin.FALLBACK))
            .filter(s -> !s.seats().isEmpty())
            .toList();
    if (shown.isEmpty()) {
      return List.of();
    }
    Set<String> accounts = new HashSet<>();
    for (ApprovalChain.Step s : shown) {
      for (ApprovalChain.Seat a : s.seats()) {
        accounts.add(a.account());
        if (a.originAccount() != null) {
          accounts.add(a.originAccount());
        }
      }
    }
    Map<String, String> names = directory.namesOf(accounts);
    return shown.stream()
        .map(
            s -> {
              List<SeatLine> seats =
                  s.seats().stream()
                      .filter(a -> !a.isDeputy())
                      .map(
                          a ->
                              new SeatLine(
                                  a.account(),
                                  nameOf(a.account(), a.name(), names),
                                  a.state(),
                                  a.origin(),
                                  a.originAccount() == null
                                      ? null
                                      : nameOf(a.originAccount(), null, names),
                                  a.decidedByName(),
                                  a.decidedBy() != null && !a.decidedBy().equals(a.account()),
                                  a.decidedAt(),
                                  a.comment(),
                                  a.note()))
                      .toList();
              int counted = (int) s.seats().stream().filter(ApprovalChain.Seat::counted).count();
              int approved =
                  (int)
                      s.seats().stream()
                          .filter(a -> a.counted() && a.state() == SeatState.APPROVED)
                          .count();
              return new StepSeats(
                  s.stepNo(), s.role(), s.mode(), s.status(), approved, counted, seats);
            })
        .toList();
  }

  private static String nameOf(String account, String stored, Map<String, String> names) {
    String n = names.get(account);
    if (n != null && !n.isBlank()) {
      return n;
    }
    return stored != null && !stored.isBlank() ? stored : account;
  }
}
