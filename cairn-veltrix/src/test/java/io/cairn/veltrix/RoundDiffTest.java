package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reloading a hunt in rounds: what may change once some rounds have opened. */
class RoundDiffTest {
  private static final String BASE =
      """
      id: h
      title: H
      rounds:
        - {id: warm-up, title: Warm-up, starts-after: 0s}
        - {id: docks, title: Docks, starts-after: 10m}
        - {id: finale, title: Finale, starts-after: 30m}
      puzzles:
        - {id: a, title: A, text: T, points: 10, answers: [x]}
        - {id: b, title: B, text: T, points: 10, answers: [y], round: docks}
        - {id: c, title: C, text: T, points: 10, answers: [z], round: finale}
      treasures:
        - {id: t, name: T, lat: 0, lon: 0, radius-m: 5, points: 10, round: docks}
        - {id: u, name: U, lat: 0, lon: 0, radius-m: 5, points: 10, round: finale}
      """;

  /** Warm-up and docks have opened; a and b are solved, t claimed; finale is still to come. */
  private record Played(Set<String> opened) implements HuntProgress {
    @Override
    public boolean puzzleSolved(String puzzleId) {
      return Set.of("a", "b").contains(puzzleId);
    }

    @Override
    public boolean treasureClaimed(String treasureId) {
      return treasureId.equals("t");
    }

    @Override
    public boolean roundOpened(String roundId) {
      return opened.contains(roundId);
    }

    @Override
    public boolean anyPointsAwarded() {
      return true;
    }
  }

  private static final HuntProgress PLAYED = new Played(Set.of("warm-up", "docks"));

  private static ReloadPlan whileRunning(String nextText) {
    return HuntDiff.plan(
        HuntFiles.compile("running", BASE), HuntFiles.compile("next", nextText), true, PLAYED);
  }

  private static ReloadChange only(ReloadPlan plan) {
    assertThat(plan.changes()).hasSize(1);
    return plan.changes().get(0);
  }

  @Test
  void allowsANewRoundAfterTheOpenedOnes() {
    ReloadPlan plan =
        whileRunning(
            BASE.replace("puzzles:", "  - {id: encore, title: E, starts-after: 1h}\npuzzles:"));
    ReloadChange change = only(plan);
    assertThat(change.keyPath()).isEqualTo("rounds[3]");
    assertThat(change.description()).isEqualTo("new round 'encore', opening 1h after the start");
    assertThat(plan.allowed(false)).isTrue();
  }

  @Test
  void allowsRetitlingAnOpenedRound() {
    ReloadChange change = only(whileRunning(BASE.replace("title: Docks", "title: The Docks")));
    assertThat(change.keyPath()).isEqualTo("rounds[1].title");
    assertThat(change.safe()).isTrue();
  }

  @Test
  void allowsRetimingOrRemovingARoundThatHasNotOpened() {
    ReloadPlan retimed = whileRunning(BASE.replace("starts-after: 30m", "starts-after: 45m"));
    assertThat(only(retimed).keyPath()).isEqualTo("rounds[2].starts-after");
    assertThat(retimed.allowed(false)).isTrue();

    String withoutFinale =
        BASE.replace("  - {id: finale, title: Finale, starts-after: 30m}\n", "")
            .replace(
                "  - {id: c, title: C, text: T, points: 10, answers: [z], round: finale}\n", "")
            .replace(
                "  - {id: u, name: U, lat: 0, lon: 0, radius-m: 5, points: 10, round: finale}\n",
                "");
    ReloadPlan removed = whileRunning(withoutFinale);
    assertThat(removed.allowed(false)).as(removed.explanation()).isTrue();
  }

  @Test
  void refusesRetimingAnOpenedRound() {
    ReloadPlan plan = whileRunning(BASE.replace("starts-after: 10m", "starts-after: 20m"));
    ReloadChange change = only(plan);
    assertThat(change.keyPath()).isEqualTo("rounds[1].starts-after");
    assertThat(change.safe()).isFalse();
    assertThat(change.description())
        .isEqualTo(
            "round 'docks' opens 20m after the start instead of 10m, but the round has already"
                + " opened");
    assertThat(plan.allowed(false)).isFalse();
    assertThat(plan.allowed(true)).isTrue();
  }

  @Test
  void refusesRemovingAnOpenedRound() {
    String withoutDocks =
        BASE.replace("  - {id: docks, title: Docks, starts-after: 10m}\n", "")
            .replace(", round: docks", "");
    ReloadPlan plan = whileRunning(withoutDocks);
    assertThat(plan.allowed(false)).isFalse();
    assertThat(plan.explanation())
        .contains("round 'docks' is removed, but the round has already opened");
  }

  @Test
  void allowsMovingAnItemNobodyEarnedOrIntoAnOpenedRound() {
    ReloadPlan plan =
        whileRunning(
            BASE.replace("answers: [z], round: finale", "answers: [z], round: docks")
                .replace("answers: [x]}", "answers: [x], round: docks}"));
    assertThat(plan.changes())
        .extracting(ReloadChange::description)
        .containsExactlyInAnyOrder(
            "puzzle 'a' moves from round 'warm-up' to round 'docks'",
            "puzzle 'c' moves from round 'finale' to round 'docks'");
    assertThat(plan.allowed(false)).isTrue();
  }

  @Test
  void refusesMovingASolvedPuzzleOrAClaimedTreasureIntoARoundNotYetOpen() {
    ReloadPlan plan =
        whileRunning(
            BASE.replace("answers: [y], round: docks", "answers: [y], round: finale")
                .replace("points: 10, round: docks}", "points: 10, round: finale}"));
    List<ReloadChange> changes = plan.changes();
    assertThat(changes).extracting(ReloadChange::safe).containsExactly(false, false);
    assertThat(changes)
        .extracting(ReloadChange::description)
        .containsExactly(
            "puzzle 'b' moves from round 'docks' to round 'finale', but a team has already solved"
                + " it and round 'finale' has not opened",
            "treasure 't' moves from round 'docks' to round 'finale', but a team has already"
                + " claimed it and round 'finale' has not opened");
    assertThat(changes)
        .extracting(ReloadChange::keyPath)
        .containsExactly("puzzles[1].round", "treasures[0].round");
    assertThat(plan.allowed(true)).isTrue();
  }

  @Test
  void allowsEveryRoundChangeBeforeTheStart() {
    ReloadPlan plan =
        HuntDiff.plan(
            HuntFiles.compile("running", BASE),
            HuntFiles.compile("next", BASE.replace("starts-after: 10m", "starts-after: 20m")),
            false,
            HuntProgress.none());
    assertThat(only(plan).safe()).isTrue();
  }

  @Test
  void addingRoundsToAHuntWithoutThemKeepsEarnedItemsInTheFirstRound() {
    String plain =
        BASE.replaceAll("  - \\{id: [a-z-]+, title: [A-Za-z-]+, starts-after: [0-9ms]+\\}\n", "")
            .replace("rounds:\n", "")
            .replaceAll(", round: [a-z]+", "");
    HuntSnapshot running = HuntFiles.compile("running", plain);
    ReloadPlan plan =
        HuntDiff.plan(running, HuntFiles.compile("next", BASE), true, new Played(Set.of()));
    assertThat(plan.changes())
        .filteredOn(c -> !c.safe())
        .extracting(ReloadChange::keyPath)
        .containsExactly("puzzles[1].round", "treasures[0].round");
    assertThat(plan.explanation())
        .contains("puzzle 'b' moves from the hunt's only round to round 'docks'");
  }
}
