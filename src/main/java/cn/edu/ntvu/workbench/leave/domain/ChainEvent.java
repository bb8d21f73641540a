package cn.edu.ntvu.workbench.leave.domain;

import java.util.List;

/**
 * What a transition of {@link ApprovalChain} changed, for the service to turn into the timeline
 * ({@code leave_event}), cards and notices (outbox) and the audit log. The rows themselves are
 * saved from the aggregate's state by the chain store; these only say what happened.
 */
public sealed interface ChainEvent {

  /**
   * A seat decided. {@code account}/{@code name}: the seat decided for (the holder, when a deputy
   * decided); {@code byAccount}/{@code byName}: who pressed the button (the deputy, or the same).
   * {@code undecided}: the accounts of the step still to decide after this one (会签), in order.
   */
  record SeatDecided(
      int stepNo,
      String account,
      String name,
      String byAccount,
      String byName,
      boolean approve,
      String comment,
      DecisionVia via,
      List<String> undecided)
      implements ChainEvent {
    public SeatDecided {
      undecided = List.copyOf(undecided);
    }

    /** Decided by a deputy in the holder's name ("王老师 代 毛敏 同意"). */
    public boolean byDeputy() {
      return !account.equals(byAccount);
    }
  }

  /** The adder's seat may decide again: the people they added before themselves approved. */
  record SeatReleased(int stepNo, String account) implements ChainEvent {}

  /** The step has its result ({@code APPROVED}/{@code REJECTED}), settled by {@code byAccount}. */
  record StepDecided(int stepNo, StepStatus result, String byAccount, String byName)
      implements ChainEvent {}

  /**
   * The next step is due: the service looks its approvers up (unless it already has seats, added
   * after) and calls {@link ApprovalChain#openStep}.
   */
  record StepOpenDue(int stepNo) implements ChainEvent {}

  /** A step opened with these deciding accounts (fallback: the directory had nobody). */
  record StepOpened(int stepNo, List<String> accounts, boolean fallback) implements ChainEvent {
    public StepOpened {
      accounts = List.copyOf(accounts);
    }
  }

  /** These seats need no decision any more (their cards are settled). */
  record SeatsSettled(int stepNo, List<String> accounts) implements ChainEvent {
    public SeatsSettled {
      accounts = List.copyOf(accounts);
    }
  }

  /** The request closed: {@code APPROVED}, {@code REJECTED} or {@code WITHDRAWN}. */
  record RequestClosed(LeaveStatus status) implements ChainEvent {}

  /** 转审: {@code from} passed their seat to {@code to}. */
  record HandedOver(int stepNo, String from, String fromName, String to, String toName, String note)
      implements ChainEvent {}

  /**
   * A seat was added: {@code ADDED_BEFORE} (the adder waits), {@code ADDED_AFTER} (on a new step,
   * {@code stepNo} is the new step's number), {@code DEPUTY} (for {@code by} = the holder), {@code
   * REPLACED} (in place of {@code by}).
   */
  record SeatAdded(int stepNo, String account, String name, SeatOrigin origin, String by)
      implements ChainEvent {}

  /** A new step {@code stepNo} was inserted (加签 after); later steps moved up by one. */
  record StepAdded(int stepNo, String account, String by) implements ChainEvent {}

  /** An admin took {@code account} off the step. */
  record SeatRemoved(int stepNo, String account, String byAdmin) implements ChainEvent {}
}
