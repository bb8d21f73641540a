package cn.edu.ntvu.workbench.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FavouritesTest {
  @Test
  void pinAddsAtTheEndOnceAndTheThirteenthIsRefusedWithNothingChanged() {
    List<Long> row = List.of(3L, 1L);
    assertThat(Favourites.pin(row, 7)).containsExactly(3L, 1L, 7L);
    assertThat(Favourites.pin(row, 1)).isSameAs(row);
    List<Long> full = LongStream.rangeClosed(1, 12).boxed().toList();
    assertThatThrownBy(() -> Favourites.pin(full, 13))
        .isInstanceOf(TileInputException.class)
        .satisfies(
            e -> {
              assertThat(((TileInputException) e).key()).isEqualTo("workbench.fav.limit");
              assertThat(((TileInputException) e).args()).containsExactly("12");
            });
    assertThat(full).hasSize(12).doesNotContain(13L);
    // Pinning one already there is not a thirteenth.
    assertThat(Favourites.pin(full, 5)).isEqualTo(full);
  }

  @Test
  void pinningAHundredStopsAtTwelve() {
    List<Long> row = List.of();
    int refused = 0;
    for (long id = 1; id <= 100; id++) {
      try {
        row = Favourites.pin(row, id);
      } catch (TileInputException e) {
        refused++;
      }
    }
    assertThat(row).hasSize(Favourites.MAX).startsWith(1L).endsWith(12L);
    assertThat(refused).isEqualTo(88);
  }

  @Test
  void moveSwapsWithTheNeighbourAndStopsAtTheEnds() {
    List<Long> row = List.of(1L, 2L, 3L);
    assertThat(Favourites.move(row, 2, true)).containsExactly(2L, 1L, 3L);
    assertThat(Favourites.move(row, 2, false)).containsExactly(1L, 3L, 2L);
    assertThat(Favourites.move(row, 1, true)).containsExactly(1L, 2L, 3L);
    assertThat(Favourites.move(row, 3, false)).containsExactly(1L, 2L, 3L);
    assertThat(Favourites.move(row, 9, true)).containsExactly(1L, 2L, 3L);
    assertThat(Favourites.unpin(row, 2)).containsExactly(1L, 3L);
  }

  @Test
  void aNewOrderMustNameExactlyTheRowsTiles() {
    List<Long> row = List.of(1L, 2L, 3L);
    assertThat(Favourites.reorder(row, List.of(3L, 1L, 2L))).containsExactly(3L, 1L, 2L);
    for (List<Long> wrong :
        List.of(
            List.of(3L, 1L), List.of(3L, 1L, 2L, 4L), List.of(3L, 1L, 4L), List.of(1L, 1L, 2L))) {
      assertThatThrownBy(() -> Favourites.reorder(row, wrong))
          .as(wrong.toString())
          .isInstanceOf(TileInputException.class);
    }
  }

  @Test
  void storedIdsParseBackInOrderAndJunkIsLeftOut() {
    assertThat(Favourites.parse("5,2,,x,2,-1,9")).containsExactly(5L, 2L, 9L);
    assertThat(Favourites.parse(null)).isEmpty();
    assertThat(Favourites.format(List.of(5L, 2L))).isEqualTo("5,2");
  }

  @Test
  void onlyVisibleTilesAreShownInTheRowsOrderAndRecentKeepsTheNewestFour() {
    assertThat(Favourites.shown(List.of(4L, 1L, 9L, 2L), Set.of(1L, 2L, 4L)))
        .containsExactly(4L, 1L, 2L);
    assertThat(Favourites.recent(List.of(8L, 7L, 6L, 5L, 4L, 3L), Set.of(8L, 6L, 5L, 4L, 3L)))
        .containsExactly(8L, 6L, 5L, 4L);
  }

  @Test
  void theMostSpecificDefaultThatIsSetApplies() {
    Map<String, List<Long>> byAudience =
        Map.of(
            "KIND:STUDENT", List.of(1L),
            "KIND:STAFF", List.of(2L),
            "ROLE:COUNSELLOR", List.of(3L));
    assertThat(Favourites.defaults(byAudience, PersonKind.STUDENT, Set.of(Role.STUDENT)))
        .containsExactly(1L);
    assertThat(
            Favourites.defaults(
                byAudience, PersonKind.STAFF, Set.of(Role.TEACHER, Role.COUNSELLOR)))
        .containsExactly(3L);
    assertThat(Favourites.defaults(byAudience, PersonKind.STAFF, Set.of(Role.TEACHER)))
        .containsExactly(2L);
    assertThat(Favourites.defaults(Map.of(), PersonKind.STAFF, Set.of())).isEmpty();
  }
}
