package cn.edu.ntvu.workbench.leave.domain;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A kind of leave (事假, 病假, 公假 …, configured by admins). {@code certificateOverDays}: a leave of this type longer than
 * that needs an attachment (a sick note); null = never.
 */
public record LeaveType(String code, String name, String nameEn, BigDecimal certificateOverDays, boolean enabled)
    implements Serializable {
  public boolean needsCertificate(BigDecimal days) {
    return certificateOverDays != null && days.compareTo(certificateOverDays) > 0;
  }
}
