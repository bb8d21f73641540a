package cn.edu.ntvu.workbench.contacts.domain;

import java.util.List;

/**
 * {@code batch/getresult} (docs/wecom-api.md §6.4): status 1 accepted, 2 running, 3 finished; for
 * each user or party WeCom's errcode. A finished job whose entries are not all 0 partly failed.
 */
public record BatchJob(
    String jobId, int status, String type, int total, int percentage, List<Entry> results) {
  public static final int FINISHED = 3;

  /**
   * One line of the result: a userid (replace_user) or partyid (replace_party) with WeCom's
   * errcode.
   */
  public record Entry(String id, int errcode, String errmsg) {}

  public BatchJob {
    results = List.copyOf(results);
  }

  public boolean finished() {
    return status == FINISHED;
  }

  public List<Entry> failures() {
    return results.stream().filter(e -> e.errcode() != 0).toList();
  }
}
