package cn.edu.ntvu.workbench.contacts.application;

/**
 * The full reconcile was not started: {@code batch/replaceuser} would delete {@code deleting} of
 * {@code members} members, and WeCom stops such an import (docs/wecom-api.md §6.4) — so we say so
 * before sending anything.
 */
public class SafetyStopException extends RuntimeException {
  private final int deleting;
  private final int members;

  public SafetyStopException(int deleting, int members) {
    super("replaceuser would delete " + deleting + " of " + members + " members");
    this.deleting = deleting;
    this.members = members;
  }

  public int deleting() {
    return deleting;
  }

  public int members() {
    return members;
  }
}
