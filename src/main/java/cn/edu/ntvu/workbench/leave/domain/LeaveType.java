package cn.edu.ntvu.workbench.leave.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of leave (事假, 病假, 公假 …, configured by admins). {@code certificateOverDays}: a leave of
 * this type longer than that needs an attachment (a sick note); null = never.
 */
public record LeaveType(
    String code, String name, String nameEn, BigDecimal certificateOverDays, boolean enabled)
    implements Serializable {
  /**
   * A code is what rules and requests keep: capital letters, digits and _, starting with a letter.
   */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

  public static final int NAME_MAX = 32;
  public static final int NAME_EN_MAX = 64;
  public static final BigDecimal CERTIFICATE_MAX = new BigDecimal("365");

  public boolean needsCertificate(BigDecimal days) {
    return certificateOverDays != null && days.compareTo(certificateOverDays) > 0;
  }

  /**
   * What is wrong with a type as an admin typed it, as message keys (leave bundle), field by field;
   * empty when it can be saved. {@code certificateDays} is the text typed (blank = no certificate
   * needed).
   */
  public static List<FieldProblem> problems(
      String code, String name, String nameEn, String certificateDays) {
    List<FieldProblem> out = new ArrayList<>();
    if (code == null || !CODE.matcher(code.strip()).matches()) {
      out.add(FieldProblem.of("typeCode", "leave.admin.type.badCode"));
    }
    if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
      out.add(FieldProblem.of("typeName", "leave.admin.type.badName", NAME_MAX));
    }
    if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > NAME_EN_MAX) {
      out.add(FieldProblem.of("typeNameEn", "leave.admin.type.badNameEn", NAME_EN_MAX));
    }
    if (certificateDays != null
        && !certificateDays.isBlank()
        && certificateDays(certificateDays) == null) {
      out.add(FieldProblem.of("typeCertificate", "leave.admin.type.badCertificate"));
    }
    return out;
  }

  /**
   * Days typed as "2" or "1.5" (half days at most, above 0, at most a year); null when it is not
   * such a number. Full-width digits (２) count as digits, as a Chinese keyboard may send them.
   */
  public static BigDecimal certificateDays(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    StringBuilder ascii = new StringBuilder();
    for (char c : text.strip().toCharArray()) {
      ascii.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '．' ? '.' : c);
    }
    if (!ascii.toString().matches("\\d{1,3}(\\.\\d)?")) {
      return null;
    }
    BigDecimal d = new BigDecimal(ascii.toString());
    boolean half = d.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() <= 0;
    return d.signum() > 0 && d.compareTo(CERTIFICATE_MAX) <= 0 && half ? d : null;
  }
}
