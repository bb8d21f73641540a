package cn.edu.ntvu.workbench.leave.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who is copied (抄送) on a request at one moment: every CC line that applies to the rule that routed
 * it and to the moment, each target looked up by {@code resolve}; each person once (the first line
 * that names them gives the reason), never the student, never someone already copied on the request
 * (they were told once: their card is updated instead).
 */
public final class CcPlan {
  private CcPlan() {}

  /** One person copied, and why. */
  public record Copy(String account, long ccRuleId, CcTarget target) {}

  public static List<Copy> whoFor(
      List<CcRule> lines,
      Long routedBy,
      CcRule.Phase phase,
      Function<CcRule, List<String>> resolve,
      String student,
      Set<String> alreadyCopied) {
    List<Copy> out = new ArrayList<>();
    Set<String> seen = new HashSet<>(alreadyCopied);
    seen.add(student);
    for (CcRule line : lines) {
      if (!line.applies(routedBy, phase)) {
        continue;
      }
      for (String account : resolve.apply(line)) {
        if (account != null && !account.isBlank() && seen.add(account)) {
          out.add(new Copy(account, line.id(), line.target()));
        }
      }
    }
    return out;
  }
}
