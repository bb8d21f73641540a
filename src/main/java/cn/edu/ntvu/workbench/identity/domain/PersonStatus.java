package cn.edu.ntvu.workbench.identity.domain;

/** Directory status of a person. Only ACTIVE people can sign in. */
public enum PersonStatus {
  ACTIVE,
  DISABLED,
  LEFT
}
