package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuessTest {
  private final Harness h = new Harness();

  private int startWithPlayer(TestHunts hunt) {
    h.load(hunt.text());
    h.start();
    return h.player("Ada", "Foxes");
  }

  @Test
  void rejectsGuessesBeforeTheHuntRuns() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");

    Harness.Result r = h.guess(ada, "lighthouse", "fresnel");

    assertThat(r.error()).isEqualTo("HUNT_NOT_RUNNING");
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void rejectsUnknownAndLockedPuzzles() {
    int ada = startWithPlayer(TestHunts.hunt());

    assertThat(h.guess(ada, "nope", "x").error()).isEqualTo("UNKNOWN_PUZZLE");
    assertThat(h.guess(ada, "riddle", "anchor").error()).isEqualTo("LOCKED");
  }

  @Test
  void rejectsMissingOrOverlongAnswers() {
    int ada = startWithPlayer(TestHunts.hunt());

    assertThat(h.guess(ada, "tide", "").error()).isEqualTo("BAD_REQUEST");
    assertThat(h.guess(ada, "tide", "x".repeat(201)).error()).isEqualTo("BAD_REQUEST");
    assertThat(h.guess(ada, "", "x").error()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void acceptsAnswersAfterNormalisation() {
    int ada = startWithPlayer(TestHunts.hunt());

    Harness.Result r = h.guess(ada, "lighthouse", "  Fresnel-LENS! ");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("correct").asBoolean()).isTrue();
    assertThat(r.reply().get("points").asInt()).isEqualTo(100);
    assertThat(r.reply().get("score").asLong()).isEqualTo(100);
  }

  @Test
  void acceptsAnswersMatchingAPattern() {
    int ada = startWithPlayer(TestHunts.hunt());

    assertThat(h.guess(ada, "lighthouse", "Fressnel lens").reply().get("correct").asBoolean())
        .isTrue();
  }

  @Test
  void repliesKeepGoingToAPartialAnswerAndJournalsTheSpentGuess() {
    int ada = startWithPlayer(TestHunts.hunt());

    Harness.Result r = h.guess(ada, "lighthouse", "Lens");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("correct").asBoolean()).isFalse();
    assertThat(r.reply().get("message").asText()).isEqualTo("Which kind of lens?");
    assertThat(r.reply().get("points").asInt()).isZero();
  }

  @Test
  void answersAWrongGuessWithoutMessage() {
    int ada = startWithPlayer(TestHunts.hunt());

    Harness.Result r = h.guess(ada, "lighthouse", "mirror");

    assertThat(r.reply().get("correct").asBoolean()).isFalse();
    assertThat(r.reply().has("message")).isFalse();
  }

  @Test
  void rejectsAPuzzleTheTeamAlreadySolved() {
    int ada = startWithPlayer(TestHunts.hunt());
    int bo = h.player("Bo", "Foxes");
    h.guess(ada, "tide", "high tide");

    Harness.Result r = h.guess(bo, "tide", "high tide");
    assertThat(r.error()).isEqualTo("ALREADY_SOLVED");
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void rateLimitsGuessesPerTeamPerPuzzle() {
    int ada = startWithPlayer(TestHunts.hunt().guessesPerMinute(3));
    int bo = h.player("Bo", "Foxes");
    h.guess(ada, "lighthouse", "a");
    h.guess(bo, "lighthouse", "b");
    h.guess(ada, "lighthouse", "c");

    Harness.Result limited = h.guess(bo, "lighthouse", "fresnel");

    assertThat(limited.error()).isEqualTo("RATE_LIMITED");
    assertThat(limited.journaled()).isFalse();
    assertThat(limited.reply().get("retryAfterMs").asLong()).isEqualTo(20_000);
    assertThat(h.guess(ada, "tide", "x").ok()).isTrue();
    int cy = h.player("Cy", "");
    assertThat(h.guess(cy, "lighthouse", "x").ok()).isTrue();
  }

  @Test
  void refillsTheGuessBucketOverTime() {
    int ada = startWithPlayer(TestHunts.hunt().guessesPerMinute(3));
    for (int i = 0; i < 3; i++) {
      h.guess(ada, "lighthouse", "no");
    }
    assertThat(h.guess(ada, "lighthouse", "no").error()).isEqualTo("RATE_LIMITED");

    h.advanceMs(19_999);
    assertThat(h.guess(ada, "lighthouse", "no").error()).isEqualTo("RATE_LIMITED");
    h.advanceMs(1);
    assertThat(h.guess(ada, "lighthouse", "no").ok()).isTrue();
  }

  @Test
  void decaysPuzzleValueLinearlyWithEarlierSolves() {
    h.load(TestHunts.hunt().decay("linear", 30, 20).text());
    h.start();
    int[] points = new int[5];
    for (int i = 0; i < points.length; i++) {
      int p = h.player("p" + i, "");
      points[i] = h.guess(p, "lighthouse", "fresnel").reply().get("points").asInt();
    }

    assertThat(points).containsExactly(100, 70, 40, 20, 20);
  }

  @Test
  void decaysPuzzleValueLogarithmicallyWithEarlierSolves() {
    h.load(TestHunts.hunt().decay("log", 20, 10).text());
    h.start();
    int[] points = new int[4];
    for (int i = 0; i < points.length; i++) {
      int p = h.player("p" + i, "");
      points[i] = h.guess(p, "lighthouse", "fresnel").reply().get("points").asInt();
    }

    // 100 - 20 * log2(1 + n): 100, 80, 68.3, 60
    assertThat(points).containsExactly(100, 80, 68, 60);
  }

  @Test
  void showsTheCurrentValueOfAnUnsolvedPuzzleInState() {
    h.load(TestHunts.hunt().decay("linear", 30, 20).text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    h.guess(ada, "lighthouse", "fresnel");

    assertThat(h.state(bo).reply().at("/hunt/puzzles/0/points").asInt()).isEqualTo(70);
    assertThat(h.state(ada).reply().at("/hunt/puzzles/0/points").asInt()).isEqualTo(100);
  }

  @Test
  void announcesTheSolveToTheHuntAndTheUnlocksToTheTeam() {
    int ada = startWithPlayer(TestHunts.hunt());

    Harness.Result r = h.guess(ada, "lighthouse", "fresnel");

    List<Harness.Message> solved = r.eventMessages("solved");
    assertThat(solved).hasSize(1);
    assertThat(solved.get(0).kind()).isEqualTo(io.cairn.engine.egress.EgressHandler.HUNT_EVENT);
    assertThat(solved.get(0).json().get("puzzle").asText()).isEqualTo("lighthouse");
    assertThat(solved.get(0).json().get("team").asText()).isEqualTo("Foxes");
    assertThat(solved.get(0).json().get("at").asLong()).isEqualTo(Harness.T0);
    List<Harness.Message> unlocked = r.eventMessages("unlocked");
    assertThat(unlocked).hasSize(2);
    assertThat(unlocked)
        .allMatch(m -> m.kind() == io.cairn.engine.egress.EgressHandler.TEAM_EVENT)
        .allMatch(m -> m.teamIdx() == 0);
    assertThat(unlocked.get(0).json().get("puzzle").asText()).isEqualTo("riddle");
    assertThat(unlocked.get(1).json().get("treasure").asText()).isEqualTo("old-anchor");
    assertThat(solved.get(0).json().get("seq").asLong())
        .isEqualTo(unlocked.get(0).json().get("seq").asLong());
  }
}
