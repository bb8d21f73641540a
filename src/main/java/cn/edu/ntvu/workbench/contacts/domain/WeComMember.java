package cn.edu.ntvu.workbench.contacts.domain;

import java.util.List;

/**
 * A member as we send it with {@code user/create|update} (docs/wecom-api.md §6.2): userid = our
 * account id, name, mobile, departments, position and enable. {@code toString} masks the mobile
 * number.
 */
public record WeComMember(
    String userid,
    String name,
    String mobile,
    List<Long> departments,
    String position,
    boolean enabled) {

  public WeComMember {
    departments = List.copyOf(departments);
    position = position == null ? "" : position;
  }

  @Override
  public String toString() {
    return "WeComMember["
        + userid
        + ", "
        + name
        + ", "
        + MobileNumbers.mask(mobile)
        + ", "
        + departments
        + ", enabled="
        + enabled
        + "]";
  }
}
