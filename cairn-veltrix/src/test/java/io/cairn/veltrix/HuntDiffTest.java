package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HuntDiffTest {
  private static final String BASE =
      """
      id: harbor-run
      title: Harbor Run
      description: Five clues.
      starts-at: 2026-12-01T18:00:00Z
      ends-at: 2026-12-01T21:00:00Z
      scoring:
        first-claim-bonus: 50
        decay: {kind: linear, per-solve: 5, minimum: 20}
      limits:
        guesses-per-minute: 10
      puzzles:
        - id: lighthouse
          title: Light the way
          text: Which lens?
          points: 100
          answers: [fresnel]
          answer-patterns: ['^fres?nel$']
          hints: [{text: French, cost: 20, after: 15m}]
        - id: bell
          title: The bell
          text: How many strokes?
          points: 50
          answers: [twelve]
      treasures:
        - id: old-anchor
          name: The Old Anchor
          lat: 59.3251
          lon: 18.0711
          radius-m: 25
          points: 200
          requires: [lighthouse]
        - id: crate
          name: A crate
          lat: 59.3
          lon: 18.0
          radius-m: 10
          points: 30
      """;

  private record Progress(Set<String> solved, Set<String> claimed, boolean awarded)
      implements HuntProgress {
    @Override
    public boolean puzzleSolved(String puzzleId) {
      return solved.contains(puzzleId);
    }

    @Override
    public boolean treasureClaimed(String treasureId) {
      return claimed.contains(treasureId);
    }

    @Override
    public boolean roundOpened(String roundId) {
      return false;
    }

    @Override
    public boolean anyPointsAwarded() {
      return awarded;
    }
  }

  /** Lighthouse solved and the old anchor claimed; the bell and the crate untouched. */
  private static final HuntProgress PLAYED =
      new Progress(Set.of("lighthouse"), Set.of("old-anchor"), true);

  private static ReloadPlan planWhileRunning(String from, String to) {
    return plan(BASE.replace(from, to), true, PLAYED);
  }

  private static ReloadPlan plan(String nextText, boolean inProgress, HuntProgress progress) {
    HuntSnapshot running = HuntFiles.compile("running.hunt.yaml", BASE);
    HuntSnapshot next = HuntFiles.compile("next.hunt.yaml", nextText);
    return HuntDiff.plan(running, next, inProgress, progress);
  }

  private static ReloadChange only(ReloadPlan plan) {
    assertThat(plan.changes()).hasSize(1);
    return plan.changes().get(0);
  }

  @Test
  void findsNoChangesInTheSameFile() {
    ReloadPlan plan = plan(BASE, true, PLAYED);
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.allowed(false)).isTrue();
    assertThat(plan.explanation()).isEqualTo("no changes");
  }

  @Test
  void allowsTextChangesWhileRunning() {
    ReloadPlan plan =
        plan(
            BASE.replace("title: Harbor Run", "title: Harbour Run")
                .replace("Five clues.", "Six clues.")
                .replace("title: Light the way", "title: Light it")
                .replace("text: Which lens?", "text: Which kind of lens?")
                .replace("name: The Old Anchor", "name: The Anchor")
                .replace("{text: French, cost: 20, after: 15m}", "{text: A Frenchman, cost: 30}"),
            true,
            PLAYED);
    assertThat(plan.changes())
        .extracting(ReloadChange::keyPath)
        .containsExactly(
            "title",
            "description",
            "puzzles[0].title",
            "puzzles[0].text",
            "puzzles[0].hints",
            "treasures[0].name");
    assertThat(plan.changes()).allMatch(ReloadChange::safe);
    assertThat(plan.allowed(false)).isTrue();
    assertThat(plan.explanation()).isEqualTo("nothing refused: 6 safe changes");
  }

  @Test
  void allowsNewPuzzlesAndTreasuresWhileRunning() {
    ReloadPlan plan =
        planWhileRunning(
            "treasures:\n",
            """
              - {id: mast, title: Mast, text: How tall?, points: 10, answers: [ten]}
            treasures:
              - {id: buoy, name: Buoy, lat: 59, lon: 18, radius-m: 5, points: 5}
            """);
    assertThat(plan.changes())
        .containsExactly(
            new ReloadChange("puzzles[2]", "new puzzle 'mast'", true),
            new ReloadChange("treasures[0]", "new treasure 'buoy'", true));
    assertThat(plan.allowed(false)).isTrue();
  }

  @Test
  void allowsALaterEndButRefusesAnEarlierOne() {
    ReloadChange later =
        only(planWhileRunning("ends-at: 2026-12-01T21:00:00Z", "ends-at: 2026-12-01T22:00:00Z"));
    assertThat(later.safe()).isTrue();
    assertThat(later.description())
        .isEqualTo("ends-at changes from 2026-12-01T21:00:00Z to 2026-12-01T22:00:00Z");

    ReloadPlan earlier =
        planWhileRunning("ends-at: 2026-12-01T21:00:00Z", "ends-at: 2026-12-01T20:00:00Z");
    assertThat(only(earlier).safe()).isFalse();
    assertThat(only(earlier).keyPath()).isEqualTo("ends-at");
    assertThat(earlier.allowed(false)).isFalse();
    assertThat(earlier.allowed(true)).isTrue();
  }

  @Test
  void treatsRemovingTheEndAsLaterAndAddingOneAsEarlier() {
    assertThat(only(planWhileRunning("ends-at: 2026-12-01T21:00:00Z\n", "")).safe()).isTrue();
    HuntSnapshot open =
        HuntFiles.compile("open", BASE.replace("ends-at: 2026-12-01T21:00:00Z\n", ""));
    HuntSnapshot closed = HuntFiles.compile("closed", BASE);
    assertThat(only(HuntDiff.plan(open, closed, true, PLAYED)).safe()).isFalse();
  }

  @Test
  void refusesAChangedStartOnceInProgress() {
    ReloadPlan plan =
        planWhileRunning("starts-at: 2026-12-01T18:00:00Z", "starts-at: 2026-12-01T17:00:00Z");
    assertThat(only(plan).safe()).isFalse();
    assertThat(plan.explanation())
        .isEqualTo(
            "1 change refused (force applies them anyway):"
                + System.lineSeparator()
                + "  starts-at: starts-at changes from 2026-12-01T18:00:00Z to"
                + " 2026-12-01T17:00:00Z, but the hunt has already started");
  }

  @Test
  void allowsLimitsSizesAndScanRadiusWhileRunning() {
    ReloadPlan plan =
        plan(
            BASE.replace("guesses-per-minute: 10", "guesses-per-minute: 5\n  max-speed-mps: 20")
                .replace(
                    "description: Five clues.",
                    "description: Five clues.\nmax-players: 10\nscan-radius-m: 80\nteams: {max-size: 6}"),
            true,
            PLAYED);
    assertThat(plan.changes())
        .extracting(ReloadChange::keyPath)
        .containsExactlyInAnyOrder(
            "scan-radius-m",
            "max-players",
            "teams.max-size",
            "limits.guesses-per-minute",
            "limits.max-speed-mps");
    assertThat(plan.allowed(false)).isTrue();
  }

  @Test
  void allowsPointsOfAPuzzleNobodySolvedButRefusesPointsOfASolvedOne() {
    ReloadChange unsolved = only(planWhileRunning("points: 50", "points: 60"));
    assertThat(unsolved.keyPath()).isEqualTo("puzzles[1].points");
    assertThat(unsolved.safe()).isTrue();

    ReloadChange solved = only(planWhileRunning("points: 100", "points: 120"));
    assertThat(solved.keyPath()).isEqualTo("puzzles[0].points");
    assertThat(solved.safe()).isFalse();
    assertThat(solved.description())
        .isEqualTo(
            "points of puzzle 'lighthouse' change from 100 to 120, but a team has already solved it");
  }

  @Test
  void refusesReAnsweringASolvedPuzzle() {
    ReloadChange answers = only(planWhileRunning("answers: [fresnel]", "answers: [fresnel, lens]"));
    assertThat(answers.keyPath()).isEqualTo("puzzles[0].answers");
    assertThat(answers.safe()).isFalse();

    ReloadChange patterns = only(planWhileRunning("'^fres?nel$'", "'^fresnel$'"));
    assertThat(patterns.keyPath()).isEqualTo("puzzles[0].answer-patterns");
    assertThat(patterns.safe()).isFalse();

    ReloadChange sameAfterNormalising =
        only(planWhileRunning("answers: [twelve]", "answers: [Twelve!, '12']"));
    assertThat(sameAfterNormalising.safe()).isTrue();
    assertThat(planWhileRunning("answers: [fresnel]", "answers: ['Fresnel!']").changes()).isEmpty();
  }

  @Test
  void refusesRemovingASolvedPuzzleButAllowsRemovingAnUnsolvedOne() {
    ReloadPlan removeSolved =
        plan(
            BASE.replace("    requires: [lighthouse]\n", "")
                .replace(
                    BASE.substring(
                        BASE.indexOf("  - id: lighthouse"), BASE.indexOf("  - id: bell")),
                    ""),
            true,
            PLAYED);
    assertThat(removeSolved.refused())
        .containsExactly(
            new ReloadChange(
                "puzzles[0]",
                "puzzle 'lighthouse' is removed, but a team has already solved it",
                false));

    ReloadPlan removeUnsolved =
        planWhileRunning(
            BASE.substring(BASE.indexOf("  - id: bell"), BASE.indexOf("treasures:")), "");
    assertThat(only(removeUnsolved))
        .isEqualTo(new ReloadChange("puzzles[1]", "puzzle 'bell' is removed", true));
  }

  @Test
  void refusesRemovingOrMovingAClaimedTreasure() {
    ReloadPlan removed =
        planWhileRunning(
            BASE.substring(BASE.indexOf("  - id: old-anchor"), BASE.indexOf("  - id: crate")), "");
    assertThat(only(removed).keyPath()).isEqualTo("treasures[0]");
    assertThat(only(removed).safe()).isFalse();

    ReloadPlan moved =
        planWhileRunning(
            "lat: 59.3251\n    lon: 18.0711\n    radius-m: 25",
            "lat: 59.4\n    lon: 18.1\n    radius-m: 30");
    assertThat(moved.changes())
        .extracting(ReloadChange::keyPath)
        .containsExactly("treasures[0].lat", "treasures[0].lon", "treasures[0].radius-m");
    assertThat(moved.changes()).noneMatch(ReloadChange::safe);

    ReloadChange movedUnclaimed = only(planWhileRunning("lat: 59.3\n", "lat: 59.31\n"));
    assertThat(movedUnclaimed.keyPath()).isEqualTo("treasures[1].lat");
    assertThat(movedUnclaimed.safe()).isTrue();
  }

  @Test
  void refusesChangingPointsOfAClaimedTreasure() {
    ReloadChange claimed = only(planWhileRunning("points: 200", "points: 250"));
    assertThat(claimed.keyPath()).isEqualTo("treasures[0].points");
    assertThat(claimed.safe()).isFalse();
    assertThat(only(planWhileRunning("points: 30", "points: 35")).safe()).isTrue();
  }

  @Test
  void refusesScoringChangesOnceAnythingWasAwarded() {
    ReloadPlan bonus = planWhileRunning("first-claim-bonus: 50", "first-claim-bonus: 80");
    assertThat(only(bonus).keyPath()).isEqualTo("scoring.first-claim-bonus");
    assertThat(only(bonus).safe()).isFalse();

    ReloadPlan decay = planWhileRunning("kind: linear", "kind: log");
    assertThat(only(decay).keyPath()).isEqualTo("scoring.decay");
    assertThat(only(decay).description())
        .isEqualTo(
            "decay changes from linear (per-solve 5, minimum 20) to log (per-solve 5, minimum 20),"
                + " but points were already awarded under the old rule");

    HuntProgress nothingYet = new Progress(Set.of(), Set.of(), false);
    ReloadPlan early =
        plan(BASE.replace("first-claim-bonus: 50", "first-claim-bonus: 80"), true, nothingYet);
    assertThat(only(early).safe()).isTrue();
  }

  @Test
  void allowsEverythingBeforeTheHuntStarts() {
    ReloadPlan plan =
        plan(
            BASE.replace("points: 100", "points: 120")
                .replace("answers: [fresnel]", "answers: [lens]")
                .replace("starts-at: 2026-12-01T18:00:00Z", "starts-at: 2026-12-01T17:00:00Z")
                .replace("ends-at: 2026-12-01T21:00:00Z", "ends-at: 2026-12-01T20:00:00Z")
                .replace("kind: linear", "kind: log"),
            false,
            PLAYED);
    assertThat(plan.changes()).hasSize(5).allMatch(ReloadChange::safe);
    assertThat(plan.allowed(false)).isTrue();
  }

  @Test
  void refusesADifferentHuntIdEvenWithForceAndBeforeTheStart() {
    ReloadPlan plan =
        plan(BASE.replace("id: harbor-run", "id: harbour-run"), false, HuntProgress.none());
    ReloadChange change = only(plan);
    assertThat(change.keyPath()).isEqualTo("id");
    assertThat(change.forcible()).isFalse();
    assertThat(plan.allowed(false)).isFalse();
    assertThat(plan.allowed(true)).isFalse();
    assertThat(plan.explanation()).startsWith("1 change refused (not even with force):");
  }

  @Test
  void matchesEntriesByIdNotPosition() {
    String bell = BASE.substring(BASE.indexOf("  - id: bell"), BASE.indexOf("treasures:"));
    String reordered = BASE.replace(bell, "").replace("puzzles:\n", "puzzles:\n" + bell);
    assertThat(plan(reordered, true, PLAYED).changes()).isEmpty();
  }

  @Test
  void explainsEveryRefusedChangeOnItsOwnLine() {
    ReloadPlan plan =
        plan(
            BASE.replace("points: 100", "points: 120")
                .replace("title: Harbor Run", "title: Harbour Run")
                .replace("radius-m: 25", "radius-m: 40"),
            true,
            PLAYED);
    assertThat(plan.changes()).hasSize(3);
    assertThat(plan.refused()).hasSize(2);
    assertThat(plan.explanation().lines())
        .containsExactly(
            "2 changes refused (force applies them anyway):",
            "  puzzles[0].points: points of puzzle 'lighthouse' change from 100 to 120, but a team"
                + " has already solved it",
            "  treasures[0].radius-m: radius-m of treasure 'old-anchor' changes from 25 to 40, but a"
                + " team has already claimed it");
  }
}
