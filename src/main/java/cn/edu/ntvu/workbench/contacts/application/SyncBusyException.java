package cn.edu.ntvu.workbench.contacts.application;

/**
 * A sync run is confirmed or running: a dry run now would read WeCom half-way through it and plan
 * against a moving target, so it waits until that run is done.
 */
public class SyncBusyException extends IllegalStateException {
  private final long runId;

  public SyncBusyException(long runId) {
    super("contacts sync run " + runId + " is active");
    this.runId = runId;
  }

  public long runId() {
    return runId;
  }
}
