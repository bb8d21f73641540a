package cn.edu.ntvu.workbench.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of tile states and banners (issue 21). */
class TileStateTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 21, 30);

  private static TileState maintenance(LocalDateTime from, LocalDateTime until) {
    return new TileState(1, true, "升级", from, until, null, null, null);
  }

  private static TileState visible(LocalDate from, LocalDate until) {
    return new TileState(1, false, null, null, null, null, from, until);
  }

  @Test
  void maintenanceRunsFromItsStartUntilItsExpectedEnd() {
    assertThat(maintenance(null, null).inMaintenanceAt(NOW)).isTrue();
    assertThat(maintenance(NOW, NOW.plusHours(1)).inMaintenanceAt(NOW)).isTrue();
    assertThat(maintenance(NOW.plusMinutes(1), null).inMaintenanceAt(NOW)).as("not yet").isFalse();
    assertThat(maintenance(null, NOW).inMaintenanceAt(NOW)).as("ended at the end").isFalse();
    assertThat(maintenance(null, NOW.plusSeconds(1)).inMaintenanceAt(NOW)).isTrue();
    assertThat(
            new TileState(1, false, "升级", null, NOW.plusHours(1), null, null, null)
                .inMaintenanceAt(NOW))
        .as("not ticked")
        .isFalse();
  }

  @Test
  void aTileIsShownOnItsVisibleDaysInclusive() {
    LocalDate today = NOW.toLocalDate();
    assertThat(visible(null, null).shownAt(NOW)).isTrue();
    assertThat(visible(today, today).shownAt(NOW)).isTrue();
    assertThat(visible(today, today).shownAt(today.atStartOfDay())).isTrue();
    assertThat(visible(today, today).shownAt(today.atTime(23, 59, 59))).isTrue();
    assertThat(visible(today.plusDays(1), null).shownAt(NOW)).isFalse();
    assertThat(visible(null, today.minusDays(1)).shownAt(NOW)).isFalse();
    assertThat(visible(today.minusDays(3), null).shownAt(NOW)).isTrue();
  }

  @Test
  void aMaintenanceWindowThatEndsBeforeItStartsIsRefusedBesideTheEnd() {
    assertThatThrownBy(() -> maintenance(NOW, NOW.minusMinutes(1)).checked())
        .isInstanceOfSatisfying(
            TileStateException.class,
            e -> {
              assertThat(e.field()).isEqualTo("maintenance-until");
              assertThat(e.key()).isEqualTo("workbench.state.error.maintenanceEnd");
            });
    assertThatThrownBy(() -> maintenance(NOW, NOW).checked())
        .isInstanceOf(TileStateException.class);
    assertThat(maintenance(NOW, NOW.plusMinutes(1)).checked().maintenanceUntil())
        .isEqualTo(NOW.plusMinutes(1));
  }

  @Test
  void untilBeforeFromIsRefusedBesideUntil() {
    LocalDate today = NOW.toLocalDate();
    assertThatThrownBy(() -> visible(today, today.minusDays(1)).checked())
        .isInstanceOfSatisfying(
            TileStateException.class, e -> assertThat(e.field()).isEqualTo("visible-until"));
    assertThat(visible(today, today).checked().visibleUntil()).isEqualTo(today);
  }

  @Test
  void theMessageIsTrimmedAndLimited() {
    TileState s = new TileState(1, true, "  升级  ", null, null, null, null, null).checked();
    assertThat(s.maintenanceMessage()).isEqualTo("升级");
    assertThat(
            new TileState(1, true, "  ", null, null, null, null, null)
                .checked()
                .maintenanceMessage())
        .isNull();
    assertThatThrownBy(
            () -> new TileState(1, true, "维".repeat(201), null, null, null, null, null).checked())
        .isInstanceOfSatisfying(
            TileStateException.class, e -> assertThat(e.field()).isEqualTo("maintenance-message"));
  }

  @Test
  void newKeepsTheTimeItWasFirstMarked() {
    TileState before = new TileState(1, false, null, null, null, NOW.minusDays(2), null, null);
    TileState typed = TileState.none(1);
    assertThat(typed.markedNew(true, before, NOW).newSince()).isEqualTo(NOW.minusDays(2));
    assertThat(typed.markedNew(true, null, NOW).newSince()).isEqualTo(NOW);
    assertThat(typed.markedNew(true, TileState.none(1), NOW).newSince()).isEqualTo(NOW);
    assertThat(typed.markedNew(false, before, NOW).newSince()).isNull();
    assertThat(typed.markedNew(false, before, NOW).isNone()).isTrue();
  }

  @Test
  void bannersShowInTheirWindowToTheirAudience() {
    Viewer student =
        new Viewer("20240100001", PersonKind.STUDENT, Set.of(Role.STUDENT), "2401000", Set.of());
    Viewer teacher = new Viewer("T001", PersonKind.STAFF, Set.of(Role.TEACHER), null, Set.of());
    Visibility students =
        new Visibility(false, Set.of(), Set.of(PersonKind.STUDENT), Set.of(), Set.of(), Set.of());
    Banner b = new Banner(1, "今晚维护", NOW.minusHours(1), NOW.plusHours(1), students, "a", NOW);
    assertThat(b.shownTo(student, NOW)).isTrue();
    assertThat(b.shownTo(teacher, NOW)).isFalse();
    assertThat(b.shownTo(student, NOW.plusHours(1))).as("over at its end").isFalse();
    assertThat(b.shownTo(student, NOW.minusHours(2))).as("not yet").isFalse();
  }

  @Test
  void aBannerNeedsTextTimesInOrderAndAnAudience() {
    Visibility all = Visibility.EVERYONE;
    assertThatThrownBy(() -> new Banner(0, " ", NOW, NOW.plusHours(1), all, null, null).checked())
        .isInstanceOfSatisfying(
            TileStateException.class, e -> assertThat(e.field()).isEqualTo("banner-message"));
    assertThatThrownBy(() -> new Banner(0, "维护", NOW, NOW.minusHours(1), all, null, null).checked())
        .isInstanceOfSatisfying(
            TileStateException.class, e -> assertThat(e.field()).isEqualTo("banner-until"));
    assertThatThrownBy(() -> new Banner(0, "维护", NOW, null, all, null, null).checked())
        .isInstanceOf(TileStateException.class);
    Visibility nobody = new Visibility(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    assertThatThrownBy(
            () -> new Banner(0, "维护", NOW, NOW.plusHours(1), nobody, null, null).checked())
        .isInstanceOfSatisfying(
            TileStateException.class, e -> assertThat(e.field()).isEqualTo("banner-audience"));
    assertThat(new Banner(0, " 维护 ", NOW, NOW.plusHours(1), all, null, null).checked().message())
        .isEqualTo("维护");
  }

  @Test
  void theLaunchKeyIsStableForAWeekAndChangesTheNext() {
    byte[] salt = {1, 2, 3};
    LocalDate monday = LocalDate.of(2026, 12, 7);
    assertThat(LaunchKey.of(salt, "T001", monday))
        .hasSize(16)
        .isEqualTo(LaunchKey.of(salt, "T001", monday.plusDays(6)))
        .isNotEqualTo(LaunchKey.of(salt, "T001", monday.plusDays(7)))
        .isNotEqualTo(LaunchKey.of(salt, "T002", monday))
        .isNotEqualTo(LaunchKey.of(new byte[] {9}, "T001", monday));
    assertThat(LaunchKey.weekOf(monday.plusDays(6))).isEqualTo(monday);
  }
}
