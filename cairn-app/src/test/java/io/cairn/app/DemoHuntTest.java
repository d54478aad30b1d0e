package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bundled demo hunt is the example file, and a hunt worth demonstrating. */
class DemoHuntTest {
  /** Surefire runs in the module's directory. */
  private static final Path EXAMPLE = Path.of("..", "examples", "old-town.hunt.yaml");

  @Test
  void isTheExampleFileByteForByte() throws IOException {
    assertThat(DemoHunt.text()).isEqualTo(Files.readString(EXAMPLE));
  }

  @Test
  void isAFullHuntAroundARealPlace() {
    HuntSnapshot hunt = DemoHunt.compile();
    assertThat(hunt.id()).isEqualTo("old-town");
    assertThat(hunt.startsAtMs()).isEqualTo(HuntSnapshot.NO_TIME);
    assertThat(hunt.endsAtMs()).isEqualTo(HuntSnapshot.NO_TIME);
    assertThat(hunt.puzzleCount()).isGreaterThanOrEqualTo(8);
    assertThat(hunt.treasureCount()).isGreaterThanOrEqualTo(8);
    assertThat(hunt.treasures())
        .allSatisfy(
            t -> {
              assertThat(t.lat()).as(t.id()).isBetween(59.320, 59.330);
              assertThat(t.lon()).as(t.id()).isBetween(18.060, 18.080);
            });
    assertThat(hunt.puzzles()).filteredOn(p -> !p.partials().isEmpty()).hasSizeGreaterThan(1);
    assertThat(hunt.puzzles()).filteredOn(p -> !p.requires().isEmpty()).hasSizeGreaterThan(1);
    assertThat(hunt.puzzles().stream().flatMap(p -> p.hints().stream()))
        .hasSizeGreaterThan(4)
        .allSatisfy(h -> assertThat(h.cost()).isPositive())
        .anySatisfy(h -> assertThat(h.afterMs()).isPositive());
    assertThat(hunt.treasures()).filteredOn(Treasure::hasCode).isNotEmpty();
  }

  /** Rounds open within minutes, so a newcomer to the demo sees one open and its items appear. */
  @Test
  void comesInRoundsThatOpenSoonWithItemsInEach() {
    HuntSnapshot hunt = DemoHunt.compile();
    assertThat(hunt.rounds()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(hunt.round(hunt.rounds().size() - 1).startsAfterMs())
        .isPositive()
        .isLessThanOrEqualTo(10 * 60_000L);
    for (int r = 0; r < hunt.rounds().size(); r++) {
      int round = r;
      assertThat(IntStream.range(0, hunt.puzzleCount()).filter(p -> hunt.puzzleRound(p) == round))
          .as("puzzles of round " + round)
          .isNotEmpty();
      assertThat(
              IntStream.range(0, hunt.treasureCount()).filter(t -> hunt.treasureRound(t) == round))
          .as("treasures of round " + round)
          .isNotEmpty();
    }
  }

  /** A player at a laptop cannot read a code at the spot: the unlocking puzzle must tell it. */
  @Test
  void everyClaimCodeIsToldByAPuzzleTheTreasureRequires() {
    HuntSnapshot hunt = DemoHunt.compile();
    for (Treasure t : hunt.treasures()) {
      if (!t.hasCode()) {
        continue;
      }
      assertThat(t.requires().size()).as(t.id() + " requires a puzzle").isPositive();
      Puzzle unlocking = hunt.puzzle(t.requires().get(0));
      assertThat(unlocking.text()).as(unlocking.id()).contains("claim code");
      assertThat(unlocking.normalizedAnswers())
          .as("the code of " + t.id() + " is an answer of " + unlocking.id())
          .contains(t.normalizedCode());
    }
  }
}
