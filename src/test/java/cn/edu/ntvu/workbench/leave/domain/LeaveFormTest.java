package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The form's checks: each bad field gets its own message key. Now = the test school clock, Wed
 * 2026-11-25 10:20.
 */
class LeaveFormTest {
  private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-25T10:20");
  private static final LeaveType PERSONAL = new LeaveType("PERSONAL", "事假", "Personal", null, true);
  private static final LeaveType SICK =
      new LeaveType("SICK", "病假", "Sick", new BigDecimal("2.0"), true);
  private static final LeavePolicy POLICY = new LeavePolicy(3, 60, 0, null, false);

  private static LeaveForm form(String from, String to, String reason) {
    return new LeaveForm(
        "PERSONAL",
        LocalDateTime.parse(from),
        LocalDateTime.parse(to),
        reason,
        false,
        null,
        null,
        0);
  }

  private static List<String> keys(
      LeaveForm f, LeaveType t, LeavePolicy p, List<LeaveForm.Existing> mine) {
    return f.problems(t, p, NOW, mine).stream().map(x -> x.field() + ":" + x.key()).toList();
  }

  @Test
  void aGoodFormHasNoProblems() {
    assertThat(
            keys(form("2026-11-26T08:00", "2026-11-26T17:00", "回家"), PERSONAL, POLICY, List.of()))
        .isEmpty();
  }

  @Test
  void badTimesEachHaveTheirMessage() {
    assertThat(keys(form("2026-11-26T17:00", "2026-11-26T08:00", "x"), PERSONAL, POLICY, List.of()))
        .containsExactly("end:leave.error.endBeforeStart");
    assertThat(keys(form("2026-11-26T08:00", "2026-11-26T08:00", "x"), PERSONAL, POLICY, List.of()))
        .containsExactly("end:leave.error.zero");
    assertThat(keys(form("2026-11-26T08:00", "2027-12-31T08:00", "x"), PERSONAL, POLICY, List.of()))
        .containsExactly("end:leave.error.tooLong");
    assertThat(keys(form("2026-11-01T08:00", "2026-11-02T08:00", "x"), PERSONAL, POLICY, List.of()))
        .containsExactly("start:leave.error.tooFarBack");
    // Within the past limit is fine (a student asks after falling ill in the morning).
    assertThat(keys(form("2026-11-23T08:00", "2026-11-25T17:00", "x"), PERSONAL, POLICY, List.of()))
        .isEmpty();
    LeavePolicy notice = new LeavePolicy(3, 60, 24, null, false);
    assertThat(keys(form("2026-11-26T08:00", "2026-11-26T17:00", "x"), PERSONAL, notice, List.of()))
        .containsExactly("start:leave.error.notice");
  }

  @Test
  void overlapWithMyActiveLeaveIsRefusedButTouchingIsFine() {
    List<LeaveForm.Existing> mine =
        List.of(
            new LeaveForm.Existing(
                7,
                LocalDateTime.parse("2026-11-26T08:00"),
                LocalDateTime.parse("2026-11-26T12:00")));
    assertThat(keys(form("2026-11-26T11:00", "2026-11-26T17:00", "x"), PERSONAL, POLICY, mine))
        .containsExactly("start:leave.error.overlap");
    // The message names the other request by its times, not by a number nobody knows ("#7").
    assertThat(
            form("2026-11-26T11:00", "2026-11-26T17:00", "x")
                .problems(PERSONAL, POLICY, NOW, mine)
                .get(0)
                .args())
        .containsExactly("11-26 08:00", "11-26 12:00");
    assertThat(keys(form("2026-11-26T12:00", "2026-11-26T17:00", "x"), PERSONAL, POLICY, mine))
        .isEmpty();
  }

  @Test
  void reasonIsRequiredAndCapped() {
    assertThat(
            keys(form("2026-11-26T08:00", "2026-11-26T17:00", "  "), PERSONAL, POLICY, List.of()))
        .containsExactly("reason:leave.error.reasonMissing");
    assertThat(
            keys(
                form("2026-11-26T08:00", "2026-11-26T17:00", "字".repeat(20_000)),
                PERSONAL,
                POLICY,
                List.of()))
        .containsExactly("reason:leave.error.reasonTooLong");
  }

  @Test
  void offCampusNeedsDestinationAndContact() {
    LeaveForm f =
        new LeaveForm(
            "PERSONAL",
            LocalDateTime.parse("2026-11-26T08:00"),
            LocalDateTime.parse("2026-11-26T17:00"),
            "x",
            true,
            " ",
            null,
            0);
    assertThat(keys(f, PERSONAL, POLICY, List.of()))
        .containsExactly(
            "destination:leave.error.destinationMissing", "contact:leave.error.contactMissing");
  }

  @Test
  void sickLeaveOverTheConfiguredDaysNeedsACertificate() {
    LeaveForm three =
        new LeaveForm(
            "SICK",
            LocalDateTime.parse("2026-11-26T08:00"),
            LocalDateTime.parse("2026-11-28T17:00"),
            "发烧",
            false,
            null,
            null,
            0);
    assertThat(keys(three, SICK, POLICY, List.of()))
        .containsExactly("attachments:leave.error.certificate");
    LeaveForm withNote =
        new LeaveForm("SICK", three.start(), three.end(), "发烧", false, null, null, 1);
    assertThat(keys(withNote, SICK, POLICY, List.of())).isEmpty();
    LeaveForm two =
        new LeaveForm(
            "SICK",
            three.start(),
            LocalDateTime.parse("2026-11-27T17:00"),
            "发烧",
            false,
            null,
            null,
            0);
    assertThat(keys(two, SICK, POLICY, List.of())).isEmpty();
  }
}
