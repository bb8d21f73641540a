package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import java.time.LocalDateTime;

/**
 * What we know of one person in WeCom: status, when last synced, and the last call's errcode and
 * reason key.
 */
public record ContactState(
    String account,
    MemberStatus status,
    LocalDateTime syncedAt,
    Integer lastErrcode,
    String lastReason) {

  public static ContactState unknown(String account) {
    return new ContactState(account, MemberStatus.MISSING, null, null, null);
  }
}
