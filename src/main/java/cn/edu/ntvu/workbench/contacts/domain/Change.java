package cn.edu.ntvu.workbench.contacts.domain;

import java.util.List;

/**
 * One call the sync will make: create, update, disable or delete a department or member. {@code
 * key} is the department code or account id, {@code fingerprint} what we will remember as pushed
 * once WeCom accepted it, and {@code changedFields} names what differs for an update ({@code name},
 * {@code mobile}, {@code department}, …).
 */
public record Change(
    Target target,
    Action action,
    String key,
    String label,
    WeComDepartment department,
    WeComMember member,
    String fingerprint,
    List<String> changedFields) {

  public enum Action {
    CREATE,
    UPDATE,
    DISABLE,
    DELETE
  }

  public Change {
    changedFields = List.copyOf(changedFields);
  }
}
