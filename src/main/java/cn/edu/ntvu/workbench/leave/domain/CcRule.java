package cn.edu.ntvu.workbench.leave.domain;

/**
 * One CC line (抄送) of a routing rule: the requests routed by rule {@code ruleId} (null = every
 * request) copy {@code target} ({@code account} for {@link CcTarget#PERSON}) when submitted, when
 * finally approved, or both.
 */
public record CcRule(
    long id, Long ruleId, CcTarget target, String account, boolean onSubmit, boolean onApproval) {
  public CcRule {
    if (target == null) {
      throw new IllegalArgumentException("a CC line needs a target");
    }
    if (!onSubmit && !onApproval) {
      throw new IllegalArgumentException("a CC line copies on submit, on approval or both");
    }
    if (target == CcTarget.PERSON && (account == null || account.isBlank())) {
      throw new IllegalArgumentException("a CC line to a person names the person");
    }
    if (target != CcTarget.PERSON) {
      account = null;
    }
  }

  /** When the copy is made. */
  public enum Phase {
    SUBMITTED,
    APPROVED
  }

  /** Whether this line copies a request routed by {@code routedBy} at {@code phase}. */
  public boolean applies(Long routedBy, Phase phase) {
    return (ruleId == null || ruleId.equals(routedBy))
        && (phase == Phase.SUBMITTED ? onSubmit : onApproval);
  }
}
