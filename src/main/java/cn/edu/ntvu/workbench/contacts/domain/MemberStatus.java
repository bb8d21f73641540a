package cn.edu.ntvu.workbench.contacts.domain;

/**
 * A member's state in WeCom as we know it: {@code user/get}'s {@code status} (1 已激活, 2 已禁用, 4 未激活,
 * 5 退出企业) and {@code change_contact}'s {@code Status}, plus our own "not (yet) in WeCom".
 */
public enum MemberStatus {
  /** 未同步: never reached WeCom, or deleted there. */
  MISSING,
  /** 未激活: in WeCom, the person has not joined with the bound mobile number yet. */
  NOT_ACTIVATED,
  /** 已激活. */
  ACTIVATED,
  /** 已禁用. */
  DISABLED,
  /** 退出企业: the person left the organisation in WeCom. */
  LEFT;

  /** The status of WeCom's numeric code; unknown codes count as not activated. */
  public static MemberStatus ofWeCom(int status) {
    return switch (status) {
      case 1 -> ACTIVATED;
      case 2 -> DISABLED;
      case 5 -> LEFT;
      default -> NOT_ACTIVATED;
    };
  }

  public int weComCode() {
    return switch (this) {
      case ACTIVATED -> 1;
      case DISABLED -> 2;
      case LEFT -> 5;
      default -> 4;
    };
  }
}
