package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HintTest {
  private final Harness h = new Harness();

  private int runningWithPlayer() {
    h.load(TestHunts.hunt().text());
    h.start();
    return h.player("Ada", "");
  }

  @Test
  void rejectsUnknownPuzzles() {
    int ada = runningWithPlayer();

    assertThat(h.hint(ada, "nope").error()).isEqualTo("UNKNOWN_PUZZLE");
  }

  @Test
  void givesNoHintForALockedPuzzle() {
    int ada = runningWithPlayer();
    h.advanceMs(3_600_000);

    assertThat(h.hint(ada, "riddle").error()).isEqualTo("NO_HINT_AVAILABLE");
  }

  @Test
  void saysWhenTheNextHintBecomesAvailable() {
    int ada = runningWithPlayer();
    h.advanceMs(60_000);

    Harness.Result r = h.hint(ada, "lighthouse");

    assertThat(r.error()).isEqualTo("NO_HINT_AVAILABLE");
    assertThat(r.reply().get("availableAtMs").asLong()).isEqualTo(Harness.T0 + 15 * 60_000);
    assertThat(r.reply().get("retryAfterMs").asLong()).isEqualTo(14 * 60_000);
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void givesNoHintBeforeTheHuntStarts() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");
    h.advanceMs(3_600_000);

    assertThat(h.hint(ada, "lighthouse").error()).isEqualTo("NO_HINT_AVAILABLE");
  }

  @Test
  void deductsTheHintCostFromTheTeamScore() {
    int ada = runningWithPlayer();
    h.advanceMs(15 * 60_000);

    Harness.Result r = h.hint(ada, "lighthouse");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("hint").asText()).isEqualTo("Think of a French physicist.");
    assertThat(r.reply().get("cost").asInt()).isEqualTo(20);
    assertThat(r.reply().get("score").asLong()).isEqualTo(-20);
    assertThat(h.state(ada).reply().at("/hunt/puzzles/0/hintsTaken").asInt()).isEqualTo(1);
  }

  @Test
  void givesHintsInOrderUntilNoneAreLeft() {
    int ada = runningWithPlayer();
    h.advanceMs(30 * 60_000);
    h.hint(ada, "lighthouse");

    assertThat(h.hint(ada, "lighthouse").reply().get("hint").asText())
        .isEqualTo("It starts with F.");
    Harness.Result none = h.hint(ada, "lighthouse");
    assertThat(none.error()).isEqualTo("NO_HINT_AVAILABLE");
    assertThat(none.reply().at("/error/message").asText()).contains("no hints left");
    assertThat(h.hint(ada, "tide").error()).isEqualTo("NO_HINT_AVAILABLE");
  }

  @Test
  void givesNoHintForASolvedPuzzle() {
    int ada = runningWithPlayer();
    h.advanceMs(30 * 60_000);
    h.guess(ada, "lighthouse", "fresnel");

    assertThat(h.hint(ada, "lighthouse").error()).isEqualTo("NO_HINT_AVAILABLE");
  }
}
