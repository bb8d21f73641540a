package cn.edu.ntvu.workbench.platform.security;

/**
 * What a role grant covers: the whole school, one department (and its sub-departments) or one
 * class.
 */
public enum ScopeKind {
  SCHOOL,
  DEPARTMENT,
  CLASS
}
