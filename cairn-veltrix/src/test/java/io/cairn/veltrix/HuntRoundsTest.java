package io.cairn.veltrix;

import static io.cairn.veltrix.HuntProblems.assertAt;
import static io.cairn.veltrix.HuntProblems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounds: how they compile, and each rule that ties them to the rest of the file. */
class HuntRoundsTest {
  static final Path EXAMPLE = Path.of("..", "examples", "rounds.hunt.yaml");

  private static final String ROUNDS =
      """
      id: h
      title: H
      rounds:
        - {id: warm-up, title: Warm-up, starts-after: 0s}
        - {id: old-town, title: Into the Old Town, starts-after: 10m}
      """;

  @Test
  void compilesRoundsIntoPlainArrays() {
    HuntSnapshot hunt = HuntFiles.read(EXAMPLE);

    assertThat(hunt.hasRounds()).isTrue();
    assertThat(hunt.roundCount()).isEqualTo(3);
    assertThat(hunt.rounds())
        .extracting(Round::id)
        .containsExactly("warm-up", "docks", "open-water");
    assertThat(hunt.round(1).title()).isEqualTo("Down at the Docks");
    assertThat(hunt.roundStartsAfterMs(0)).isZero();
    assertThat(hunt.roundStartsAfterMs(1)).isEqualTo(600_000);
    assertThat(hunt.roundStartsAfterMs(2)).isEqualTo(1_500_000);
    assertThat(hunt.puzzleRound(hunt.puzzleIndex("lighthouse"))).isZero();
    assertThat(hunt.puzzleRound(hunt.puzzleIndex("knots"))).isEqualTo(1);
    assertThat(hunt.puzzleRound(hunt.puzzleIndex("tide"))).isEqualTo(2);
    assertThat(hunt.treasureRound(hunt.treasureIndex("old-anchor"))).isZero();
    assertThat(hunt.treasureRound(hunt.treasureIndex("buoy"))).isEqualTo(2);
    assertThat(hunt.round(1).puzzles())
        .isEqualTo(IntList.of(hunt.puzzleIndex("knots"), hunt.puzzleIndex("bollard")));
    assertThat(hunt.round(1).treasures()).isEqualTo(IntList.of(hunt.treasureIndex("boathouse")));
    assertThat(hunt.round(0).index()).isZero();
  }

  @Test
  void aHuntWithoutRoundsIsOneImplicitRound() {
    HuntSnapshot hunt = HuntFiles.read(HuntFilesTest.EXAMPLE);

    assertThat(hunt.hasRounds()).isFalse();
    assertThat(hunt.roundCount()).isZero();
    assertThat(hunt.puzzleRound(0)).isZero();
    assertThat(hunt.treasureRound(0)).isZero();
  }

  @Test
  void rejectsARoundThatNamesNoRoundWithASuggestion() {
    Problem p =
        only(
            ROUNDS
                + "puzzles:\n  - {id: p, title: P, text: T, points: 1, answers: [x],"
                + " round: old-twon}\n");
    assertAt(p, 7, 64, "puzzles[0].round");
    assertThat(p.message()).isEqualTo("'old-twon' names no round (did you mean 'old-town'?)");
  }

  @Test
  void rejectsARoundOfATreasureThatNamesNoRound() {
    Problem p =
        only(
            ROUNDS
                + "treasures:\n  - {id: t, name: T, lat: 0, lon: 0, radius-m: 1, points: 1,"
                + " round: finale}\n");
    assertAt(p, 7, 69, "treasures[0].round");
    assertThat(p.message()).startsWith("'finale' names no round");
  }

  @Test
  void rejectsARoundWhenTheHuntListsNoRounds() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: [x]
                round: old-town
            """);
    assertAt(p, 9, 12, "puzzles[0].round");
    assertThat(p.message())
        .isEqualTo(
            "'old-town' names no round: the hunt has no rounds list (add rounds at the top of the"
                + " file, or leave round out)");
  }

  @Test
  void rejectsADuplicateRoundId() {
    Problem p = only(ROUNDS + "  - {id: warm-up, title: Again, starts-after: 20m}\n");
    assertAt(p, 6, 10, "rounds[2].id");
    assertThat(p.message()).isEqualTo("duplicate round id 'warm-up' (first used at line 4)");
  }

  @Test
  void rejectsAFirstRoundThatDoesNotOpenAtTheStart() {
    Problem p = only(ROUNDS.replace("starts-after: 0s", "starts-after: 5m"));
    assertAt(p, 4, 49, "rounds[0].starts-after");
    assertThat(p.message())
        .isEqualTo("expected 0s for the first round (it opens when the hunt starts), found 5m");
  }

  @Test
  void rejectsRoundsThatDoNotOpenInTheListedOrder() {
    List<Problem> problems =
        HuntProblems.of(
            ROUNDS
                + "  - {id: same, title: Same, starts-after: 10m}\n"
                + "  - {id: early, title: Early, starts-after: 5m}\n");
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 6, 43, "rounds[2].starts-after");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "expected a time after 10m, when the round before opens (rounds open in the order"
                + " they are listed), found 10m");
    assertAt(problems.get(1), 7, 45, "rounds[3].starts-after");
    assertThat(problems.get(1).message()).contains("after 10m", "found 5m");
  }

  @Test
  void rejectsARoundThatWouldOpenAtOrAfterTheEnd() {
    String timed =
        ROUNDS.replace(
            "title: H\n",
            "title: H\nstarts-at: 2026-12-01T18:00:00Z\nends-at: 2026-12-01T18:10:00Z\n");
    Problem p = only(timed);
    assertAt(p, 7, 60, "rounds[1].starts-after");
    assertThat(p.message())
        .isEqualTo(
            "expected a time before the hunt's end, 10m after its start (starts-at to ends-at),"
                + " found 10m: the round would never open");
    assertThat(HuntFiles.compile("ok", timed.replace("18:10:00Z", "18:10:01Z")).roundCount())
        .isEqualTo(2);
  }

  @Test
  void rejectsRequiresThatNameAPuzzleOfALaterRound() {
    List<Problem> problems =
        HuntProblems.of(
            ROUNDS
                + """
                puzzles:
                  - {id: a, title: A, text: T, points: 1, answers: [x], requires: [b]}
                  - {id: b, title: B, text: T, points: 1, answers: [y], round: old-town}
                  - {id: c, title: C, text: T, points: 1, answers: [z], round: old-town, requires: [b]}
                treasures:
                  - {id: t, name: T, lat: 0, lon: 0, radius-m: 1, points: 1, requires: [b]}
                """);
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 7, 68, "puzzles[0].requires[0]");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "'b' is a puzzle of round 'old-town', which opens after this puzzle's round"
                + " 'warm-up': the puzzle could not be unlocked when its round opens (requires"
                + " may name only puzzles of the same or an earlier round)");
    assertAt(problems.get(1), 11, 73, "treasures[0].requires[0]");
    assertThat(problems.get(1).message()).contains("this treasure's round 'warm-up'");
  }

  @Test
  void rejectsAnEmptyRoundsList() {
    Problem p = only("id: h\ntitle: H\nrounds: []\n");
    assertAt(p, 3, 9, "rounds");
    assertThat(p.message())
        .isEqualTo("expected at least one round (leave rounds out for a hunt that is one round)");
  }

  @Test
  void requiresIdTitleAndStartsAfterOfARound() {
    List<Problem> problems = HuntProblems.of("id: h\ntitle: H\nrounds:\n  - {id: r}\n");
    assertThat(problems)
        .extracting(Problem::keyPath)
        .containsExactly("rounds[0].title", "rounds[0].starts-after");
    assertThat(problems.get(1).message()).startsWith("missing required key 'starts-after'");
  }

  @Test
  void reportsEveryRoundProblemAtOnce() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            rounds:
              - {id: Warm Up, title: W, starts-after: 1m}
              - {id: b, title: B, starts-after: soon, colour: red}
            puzzles:
              - {id: p, title: P, text: T, points: 1, answers: [x], round: c}
            """);
    assertThat(problems)
        .extracting(Problem::keyPath)
        .containsExactly(
            "rounds[0].id",
            "rounds[0].starts-after",
            "rounds[1].starts-after",
            "rounds[1].colour",
            "puzzles[0].round");
  }

  @Test
  void aHintAfterIsNotTiedToItsRound() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "h",
            ROUNDS
                + "puzzles:\n  - {id: p, title: P, text: T, points: 1, answers: [x],"
                + " round: old-town, hints: [{text: h, after: 1m}]}\n");
    assertThat(hunt.puzzle(0).hints().get(0).afterMs()).isEqualTo(60_000);
  }
}
