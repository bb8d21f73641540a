package cn.edu.ntvu.workbench.contacts.domain;

/** What a change or conflict is about. */
public enum Target {
  DEPARTMENT,
  MEMBER
}
