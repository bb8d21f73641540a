package cn.edu.ntvu.workbench.contacts.domain;

/**
 * A person as the directory has it, for the sync: userid = account id; {@code departmentCode} is
 * the class when classes are synced as sub-departments, otherwise the 院系. {@code state} is the
 * directory status: ACTIVE people are enabled, DISABLED ones disabled, LEFT ones removed from
 * WeCom.
 */
public record DirectoryMember(
    String account,
    String name,
    String mobile,
    String departmentCode,
    String position,
    State state) {

  public enum State {
    ACTIVE,
    DISABLED,
    LEFT
  }

  @Override
  public String toString() {
    return "DirectoryMember["
        + account
        + ", "
        + name
        + ", "
        + MobileNumbers.mask(mobile)
        + ", "
        + departmentCode
        + ", "
        + state
        + "]";
  }
}
