package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.util.List;

/**
 * A step of the approval chain as the request page shows it: who decides it by name ("辅导员 毛敏 待审批")
 * — the one who decided, else the approvers asked, else (a step not open yet) the people the
 * directory names for it today.
 */
public record ChainStep(StepRow step, List<String> names) implements Serializable {
  public ChainStep {
    names = List.copyOf(names);
  }
}
