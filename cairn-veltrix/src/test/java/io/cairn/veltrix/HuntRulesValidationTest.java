package io.cairn.veltrix;

import static io.cairn.veltrix.HuntProblems.assertAt;
import static io.cairn.veltrix.HuntProblems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ids, references, ranges, times, answers and patterns. */
class HuntRulesValidationTest {
  private static final String ID_EXPECTED = "expected an id of 1 to 40 characters a-z, 0-9 or '-'";

  @Test
  void rejectsAHuntIdOutsideTheIdAlphabet() {
    Problem p = only("id: Harbor Run\ntitle: H\n");
    assertAt(p, 1, 5, "id");
    assertThat(p.message()).isEqualTo(ID_EXPECTED + ", found 'Harbor Run'");
  }

  @Test
  void rejectsAPuzzleIdLongerThanFortyCharacters() {
    String longId = "a".repeat(41);
    Problem p =
        only(
            "id: h\ntitle: H\npuzzles:\n  - {id: "
                + longId
                + ", title: P, text: T, points: 1, answers: [x]}\n");
    assertAt(p, 4, 10, "puzzles[0].id");
    assertThat(p.message()).isEqualTo(ID_EXPECTED + ", found '" + "a".repeat(40) + "...'");
  }

  @Test
  void rejectsATreasureIdWithAnUnderscore() {
    Problem p =
        only(
            """
            id: h
            title: H
            treasures:
              - {id: old_anchor, name: A, lat: 0, lon: 0, radius-m: 1, points: 1}
            """);
    assertAt(p, 4, 10, "treasures[0].id");
    assertThat(p.message()).isEqualTo(ID_EXPECTED + ", found 'old_anchor'");
  }

  @Test
  void rejectsANumberAsAnId() {
    Problem p = only("id: 42\ntitle: H\n");
    assertAt(p, 1, 5, "id");
    assertThat(p.message()).isEqualTo(ID_EXPECTED + ", found the number 42");
  }

  @Test
  void rejectsADuplicatePuzzleId() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - {id: p, title: P, text: T, points: 1, answers: [x]}
              - {id: p, title: Q, text: T, points: 1, answers: [y]}
            """);
    assertAt(p, 5, 10, "puzzles[1].id");
    assertThat(p.message()).isEqualTo("duplicate puzzle id 'p' (first used at line 4)");
  }

  @Test
  void rejectsADuplicateTreasureId() {
    Problem p =
        only(
            """
            id: h
            title: H
            treasures:
              - {id: t, name: A, lat: 0, lon: 0, radius-m: 1, points: 1}
              - {id: t, name: B, lat: 0, lon: 0, radius-m: 1, points: 1}
            """);
    assertAt(p, 5, 10, "treasures[1].id");
    assertThat(p.message()).isEqualTo("duplicate treasure id 't' (first used at line 4)");
  }

  @Test
  void rejectsRequiresThatNamesNoPuzzleWithASuggestion() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - {id: lighthouse, title: P, text: T, points: 1, answers: [x]}
            treasures:
              - {id: t, name: A, lat: 0, lon: 0, radius-m: 1, points: 1, requires: [lighthuose]}
            """);
    assertAt(p, 6, 73, "treasures[0].requires[0]");
    assertThat(p.message()).isEqualTo("'lighthuose' names no puzzle (did you mean 'lighthouse'?)");
  }

  @Test
  void rejectsRequiresThatFormsACycleAndNamesIt() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - {id: a, title: A, text: T, points: 1, answers: [x], requires: [b]}
              - {id: b, title: B, text: T, points: 1, answers: [x], requires: [a]}
            """);
    assertAt(p, 4, 68, "puzzles[0].requires[0]");
    assertThat(p.message()).isEqualTo("requires forms a cycle: a -> b -> a");
  }

  @Test
  void namesALongerCycleFromItsFirstPuzzleInTheFile() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - {id: free, title: F, text: T, points: 1, answers: [x]}
              - {id: a, title: A, text: T, points: 1, answers: [x], requires: [free, b]}
              - {id: c, title: C, text: T, points: 1, answers: [x], requires: [a]}
              - {id: b, title: B, text: T, points: 1, answers: [x], requires: [c]}
            """);
    assertAt(p, 5, 74, "puzzles[1].requires[1]");
    assertThat(p.message()).isEqualTo("requires forms a cycle: a -> b -> c -> a");
  }

  @Test
  void rejectsAPuzzleThatRequiresItself() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - {id: a, title: A, text: T, points: 1, answers: [x], requires: [a]}
            """);
    assertAt(p, 4, 68, "puzzles[0].requires[0]");
    assertThat(p.message()).isEqualTo("requires forms a cycle: a -> a");
  }

  @Test
  void rejectsCoordinatesOutOfRange() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            treasures:
              - id: t
                name: T
                lat: 90.5
                lon: -181
                radius-m: 1
                points: 1
            """);
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 6, 10, "treasures[0].lat");
    assertThat(problems.get(0).message())
        .isEqualTo("expected a number between -90 and 90, found 90.5");
    assertAt(problems.get(1), 7, 10, "treasures[0].lon");
    assertThat(problems.get(1).message())
        .isEqualTo("expected a number between -180 and 180, found -181");
  }

  @Test
  void rejectsNegativePointsCostsAndRadii() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            scan-radius-m: -1
            puzzles:
              - id: p
                title: P
                text: T
                points: -5
                answers: [x]
                hints:
                  - {text: H, cost: -2}
            treasures:
              - {id: t, name: T, lat: 0, lon: 0, radius-m: -0.5, points: -1}
            """);
    assertThat(problems)
        .extracting(Problem::keyPath, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "scan-radius-m", "expected a number >= 0, found -1"),
            org.assertj.core.groups.Tuple.tuple(
                "puzzles[0].points", "expected an integer >= 0, found -5"),
            org.assertj.core.groups.Tuple.tuple(
                "puzzles[0].hints[0].cost", "expected an integer >= 0, found -2"),
            org.assertj.core.groups.Tuple.tuple(
                "treasures[0].radius-m", "expected a number >= 0, found -0.5"),
            org.assertj.core.groups.Tuple.tuple(
                "treasures[0].points", "expected an integer >= 0, found -1"));
    assertAt(problems.get(3), 13, 48, "treasures[0].radius-m");
  }

  @Test
  void rejectsNegativeLimitsAndScoring() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            scoring:
              first-claim-bonus: -1
              decay: {kind: linear, per-solve: -5, minimum: -1}
            limits:
              guesses-per-minute: -1
              claims-per-minute: -1
              max-speed-mps: -1
              move-tolerance-m: -1
            """);
    assertThat(problems)
        .extracting(Problem::keyPath)
        .containsExactly(
            "scoring.first-claim-bonus",
            "scoring.decay.per-solve",
            "scoring.decay.minimum",
            "limits.guesses-per-minute",
            "limits.claims-per-minute",
            "limits.max-speed-mps",
            "limits.move-tolerance-m");
    assertAt(problems.get(3), 7, 23, "limits.guesses-per-minute");
    assertThat(problems.get(3).message()).isEqualTo("expected an integer >= 0, found -1");
    assertThat(problems.get(5).message()).isEqualTo("expected a number >= 0, found -1");
  }

  @Test
  void rejectsNonPositivePlayerAndTeamSizes() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            max-players: 0
            teams:
              max-size: -3
            """);
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 3, 14, "max-players");
    assertThat(problems.get(0).message()).isEqualTo("expected an integer >= 1, found 0");
    assertAt(problems.get(1), 5, 13, "teams.max-size");
    assertThat(problems.get(1).message()).isEqualTo("expected an integer >= 1, found -3");
  }

  @Test
  void rejectsAHintAfterTheHuntHasEnded() {
    Problem p =
        only(
            """
            id: h
            title: H
            starts-at: 2026-12-01T18:00:00Z
            ends-at: 2026-12-01T21:00:00Z
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: [x]
                hints:
                  - {text: early, after: 3h}
                  - {text: late, after: 3h1m}
            """);
    assertAt(p, 13, 29, "puzzles[0].hints[1].after");
    assertThat(p.message())
        .isEqualTo(
            "expected a time within the hunt's length of 3h (starts-at to ends-at), found 3h1m");
  }

  @Test
  void acceptsAnyHintTimeWhenTheHuntHasNoEnd() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "open.hunt.yaml",
            """
            id: h
            title: H
            starts-at: 2026-12-01T18:00:00Z
            puzzles:
              - {id: p, title: P, text: T, points: 1, answers: [x], hints: [{text: t, after: 48h}]}
            """);
    assertThat(hunt.puzzle(0).hints().get(0).afterMs()).isEqualTo(48 * 3_600_000L);
  }

  @Test
  void rejectsAnEndBeforeTheStart() {
    Problem p =
        only(
            """
            id: h
            title: H
            starts-at: 2026-12-01T18:00:00Z
            ends-at: 2026-12-01T17:00:00Z
            """);
    assertAt(p, 4, 10, "ends-at");
    assertThat(p.message()).isEqualTo("expected an instant after starts-at, found one before it");
  }

  @Test
  void rejectsAnEndEqualToTheStartAcrossOffsets() {
    Problem p =
        only(
            """
            id: h
            title: H
            starts-at: 2026-12-01T18:00:00Z
            ends-at: 2026-12-01T19:00:00+01:00
            """);
    assertAt(p, 4, 10, "ends-at");
    assertThat(p.message()).isEqualTo("expected an instant after starts-at, found one equal to it");
  }

  @Test
  void rejectsAnInstantWithoutAnOffset() {
    Problem p = only("id: h\ntitle: H\nstarts-at: 2026-12-01T18:00:00\n");
    assertAt(p, 3, 12, "starts-at");
    assertThat(p.message())
        .isEqualTo(
            "expected an ISO-8601 instant with an offset such as 2026-12-01T18:00:00Z, found"
                + " '2026-12-01T18:00:00' without an offset (add Z for UTC or +01:00)");
  }

  @Test
  void rejectsSomethingThatIsNotAnInstant() {
    Problem p = only("id: h\ntitle: H\nends-at: tomorrow evening\n");
    assertAt(p, 3, 10, "ends-at");
    assertThat(p.message())
        .isEqualTo(
            "expected an ISO-8601 instant with an offset such as 2026-12-01T18:00:00Z, found"
                + " 'tomorrow evening'");
  }

  @Test
  void rejectsBadDurations() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: [x]
                hints:
                  - {text: a, after: 15 minutes}
                  - {text: b, after: 30m1h}
                  - {text: c, after: 15}
            """);
    String expected = "expected a duration such as 250ms, 10s, 15m, 2h or 1h30m, found ";
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            expected + "'15 minutes'", expected + "'30m1h'", expected + "the number 15");
    assertAt(problems.get(0), 10, 26, "puzzles[0].hints[0].after");
  }

  @Test
  void rejectsAPatternThatDoesNotCompile() {
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
                answer-patterns: ['^fres(nel']
            """);
    assertAt(p, 8, 23, "puzzles[0].answer-patterns[0]");
    assertThat(p.message())
        .isEqualTo(
            "expected a regular expression, but it does not compile: Unclosed group near index 9");
  }

  @Test
  void rejectsAPuzzleWithNeitherAnswersNorPatterns() {
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
                answers: []
            """);
    assertAt(p, 4, 5, "puzzles[0]");
    assertThat(p.message())
        .isEqualTo("a puzzle needs at least one entry in answers or answer-patterns");
  }

  @Test
  void rejectsAnswersAndCodesThatNormaliseToNothing() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: [ok, '?!']
                partial:
                  - {answer: '...', reply: Almost}
            treasures:
              - {id: t, name: T, lat: 0, lon: 0, radius-m: 1, points: 1, code: '--'}
            """);
    assertThat(problems).hasSize(3);
    assertAt(problems.get(0), 8, 19, "puzzles[0].answers[1]");
    assertThat(problems.get(0).message())
        .isEqualTo("'?!' normalises to nothing: expected at least one letter or digit");
    assertAt(problems.get(1), 10, 18, "puzzles[0].partial[0].answer");
    assertAt(problems.get(2), 12, 68, "treasures[0].code");
  }

  @Test
  void rejectsAnUnknownDecayKindWithASuggestion() {
    Problem p =
        only(
            """
            id: h
            title: H
            scoring:
              decay:
                kind: lineer
                per-solve: 5
            """);
    assertAt(p, 5, 11, "scoring.decay.kind");
    assertThat(p.message())
        .isEqualTo("expected linear or log, found 'lineer' (did you mean 'linear'?)");
  }

  @Test
  void rejectsADecayWithoutKind() {
    Problem p = only("id: h\ntitle: H\nscoring:\n  decay: {per-solve: 5}\n");
    assertAt(p, 4, 10, "scoring.decay.kind");
    assertThat(p.message()).isEqualTo("missing required key 'kind' (linear or log)");
  }
}
