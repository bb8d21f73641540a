package cn.edu.ntvu.workbench.identity.application;

/** What the people-and-groups picker can choose, in the order its groups show: 班级, 院系, 角色, 人. */
public enum PickKind {
  CLASS,
  DEPARTMENT,
  ROLE,
  PERSON
}
