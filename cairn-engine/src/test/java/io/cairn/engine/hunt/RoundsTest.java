package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.EgressHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rounds in the engine: what a round hides until it opens, how it answers for hidden items, the
 * {@code round} event its opening journals, and that pause, end, reload and replay keep to it. The
 * test hunt opens {@code docks} (tide, boathouse) 10 minutes and {@code finale} (island) 30 minutes
 * after the start.
 */
class RoundsTest {
  private static final long MINUTE_MS = 60_000;

  private final Harness h = new Harness();

  private int startedWithPlayer() {
    assertThat(h.load(TestHunts.hunt().withRounds().text()).ok()).isTrue();
    h.start();
    return h.player("Ada", "");
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void hidesTheItemsOfARoundThatHasNotOpened() {
    int ada = startedWithPlayer();
    h.move(ada, 59.3260, 18.0725);

    JsonNode hunt = h.state(ada).reply().get("hunt");

    assertThat(ids(hunt.get("puzzles"))).containsExactly("lighthouse");
    assertThat(hunt.at("/puzzles/0/round").asText()).isEqualTo("warm-up");
    assertThat(ids(hunt.get("treasures"))).isEmpty();
    assertThat(ids(h.scan(ada).reply().get("treasures"))).isEmpty();
    JsonNode rounds = hunt.get("rounds");
    assertThat(ids(rounds)).containsExactly("warm-up", "docks", "finale");
    assertThat(rounds.get(1).get("title").asText()).isEqualTo("Down at the Docks");
    assertThat(rounds.get(1).get("index").asInt()).isEqualTo(1);
    assertThat(rounds.get(0).get("open").asBoolean()).isTrue();
    assertThat(rounds.get(1).get("open").asBoolean()).isFalse();
    assertThat(rounds.get(0).get("opensAt").asLong()).isEqualTo(Harness.T0);
    assertThat(rounds.get(2).get("opensAt").asLong()).isEqualTo(Harness.T0 + 30 * MINUTE_MS);
  }

  @Test
  void answersLockedWithTheRoundForAnItemOfARoundNotOpen() {
    int ada = startedWithPlayer();
    h.move(ada, 59.3260, 18.0725);

    Harness.Result guess = h.guess(ada, "tide", "high tide");
    assertThat(guess.error()).isEqualTo("LOCKED");
    assertThat(guess.reply().get("round").asText()).isEqualTo("docks");
    assertThat(guess.reply().get("availableAtMs").asLong()).isEqualTo(Harness.T0 + 10 * MINUTE_MS);
    assertThat(guess.reply().at("/error/message").asText())
        .isEqualTo(
            "not open yet: it comes with round 2 of 3, 'Down at the Docks', which opens 10m after"
                + " the hunt's start");
    assertThat(guess.journaled()).as("a refused guess spends no token").isFalse();

    Harness.Result claim = h.claim(ada, "boathouse", "");
    assertThat(claim.error()).isEqualTo("LOCKED");
    assertThat(claim.reply().get("round").asText()).isEqualTo("docks");

    Harness.Result hint = h.hint(ada, "tide");
    assertThat(hint.error()).isEqualTo("NO_HINT_AVAILABLE");
    assertThat(hint.reply().get("round").asText()).isEqualTo("docks");

    h.guess(ada, "lighthouse", "fresnel");
    Harness.Result island = h.claim(ada, "island", "");
    assertThat(island.reply().get("round").asText()).isEqualTo("finale");
  }

  @Test
  void opensARoundOnceWithAnEventThatListsWhatItShows() {
    int ada = startedWithPlayer();
    h.advanceMs(10 * MINUTE_MS - 1);
    assertThat(h.tick().events("round")).isEmpty();
    h.advanceMs(1);

    Harness.Result tick = h.tick();

    assertThat(tick.journaled()).isTrue();
    List<JsonNode> events = tick.events("round");
    assertThat(events).hasSize(1);
    JsonNode round = events.get(0);
    assertThat(round.get("seq").asLong()).isEqualTo(h.journal.size());
    assertThat(round.get("at").asLong()).isEqualTo(Harness.T0 + 10 * MINUTE_MS);
    assertThat(round.get("round").asText()).isEqualTo("docks");
    assertThat(round.get("title").asText()).isEqualTo("Down at the Docks");
    assertThat(round.get("index").asInt()).isEqualTo(1);
    assertThat(round.get("puzzles").toString()).isEqualTo("[\"tide\"]");
    assertThat(round.get("treasures").toString()).isEqualTo("[\"boathouse\"]");
    assertThat(tick.eventMessages("round").get(0).kind()).isEqualTo(EgressHandler.HUNT_EVENT);

    h.advanceMs(MINUTE_MS);
    Harness.Result again = h.tick();
    assertThat(again.events("round")).isEmpty();
    assertThat(again.journaled()).isFalse();

    JsonNode hunt = h.state(ada).reply().get("hunt");
    assertThat(ids(hunt.get("puzzles"))).containsExactly("lighthouse", "tide");
    assertThat(hunt.at("/puzzles/1/round").asText()).isEqualTo("docks");
    assertThat(hunt.at("/rounds/1/open").asBoolean()).isTrue();
    assertThat(hunt.at("/rounds/2/open").asBoolean()).isFalse();
    assertThat(h.guess(ada, "tide", "high tide").reply().get("correct").asBoolean()).isTrue();
  }

  @Test
  void aPlayerCommandOpensADueRoundBeforeItIsApplied() {
    int ada = startedWithPlayer();
    h.advanceMs(10 * MINUTE_MS);

    Harness.Result guess = h.guess(ada, "tide", "high tide");

    assertThat(guess.events("round")).hasSize(1);
    assertThat(guess.reply().get("correct").asBoolean()).isTrue();
    assertThat(guess.events("round").get(0).get("seq").asLong())
        .isEqualTo(guess.events("solved").get(0).get("seq").asLong());
  }

  @Test
  void showsTheItemsOfAnOpenRoundInScan() {
    int ada = startedWithPlayer();
    h.advanceMs(10 * MINUTE_MS);
    h.move(ada, 59.3260, 18.0725);

    JsonNode treasures = h.scan(ada).reply().get("treasures");

    assertThat(ids(treasures)).containsExactly("boathouse");
    assertThat(treasures.get(0).get("round").asText()).isEqualTo("docks");
  }

  @Test
  void roundsKeepTheHintClockThroughAPause() {
    int ada = startedWithPlayer();
    h.advanceMs(5 * MINUTE_MS);
    h.organiser(Op.PAUSE, "harbor-run");
    h.advanceMs(5 * MINUTE_MS);

    Harness.Result tick = h.tick();

    assertThat(tick.events("round")).hasSize(1);
    assertThat(h.guess(ada, "tide", "high tide").error()).isEqualTo("HUNT_NOT_RUNNING");
    h.organiser(Op.RESUME, "harbor-run");
    assertThat(h.guess(ada, "tide", "high tide").reply().get("correct").asBoolean()).isTrue();
    assertThat(h.state(ada).reply().at("/hunt/rounds/2/opensAt").asLong())
        .as("a pause does not push rounds back")
        .isEqualTo(Harness.T0 + 30 * MINUTE_MS);
  }

  @Test
  void beforeTheStartOnlyTheFirstRoundShowsAndNoTimeIsKnown() {
    h.load(TestHunts.hunt().withRounds().text());
    int ada = h.player("Ada", "");
    h.advanceMs(60 * MINUTE_MS);
    h.tick();

    JsonNode hunt = h.state(ada).reply().get("hunt");

    assertThat(hunt.get("status").asText()).isEqualTo("scheduled");
    assertThat(ids(hunt.get("puzzles"))).containsExactly("lighthouse");
    assertThat(hunt.at("/rounds/0/open").asBoolean()).isTrue();
    assertThat(hunt.at("/rounds/1/open").asBoolean()).isFalse();
    assertThat(hunt.at("/rounds/1/opensAt").isNull()).isTrue();
    Harness.Result hint = h.hint(ada, "tide");
    assertThat(hint.reply().get("round").asText()).isEqualTo("docks");
    assertThat(hint.reply().has("availableAtMs")).isFalse();
  }

  @Test
  void aLateScheduledStartOpensEveryRoundDueAfterTheHuntEvent() {
    String text = TestHunts.hunt().withRounds().startsAtMs(Harness.T0 - 15 * MINUTE_MS).text();

    Harness.Result load = h.load(text);

    List<String> events = new ArrayList<>();
    load.messages().forEach(m -> events.add(m.json().path("ev").asText("reply")));
    assertThat(events).containsExactly("hunt", "round", "reply");
    assertThat(load.events("round").get(0).get("round").asText()).isEqualTo("docks");
  }

  @Test
  void noRoundOpensOnceTheHuntHasEnded() {
    int ada = startedWithPlayer();
    h.advanceMs(5 * MINUTE_MS);
    h.organiser(Op.END, "harbor-run");
    h.advanceMs(60 * MINUTE_MS);

    assertThat(h.tick().events("round")).isEmpty();
    assertThat(h.state(ada).reply().at("/hunt/rounds/1/open").asBoolean()).isFalse();
  }

  @Test
  void noRoundOpensAtOrAfterTheHuntsEnd() {
    h.load(TestHunts.hunt().withRounds().endsAtMs(Harness.T0 + 20 * MINUTE_MS).text());
    h.advanceMs(15 * MINUTE_MS);
    h.start();
    h.advanceMs(4 * MINUTE_MS);
    assertThat(h.tick().events("round")).isEmpty();
    h.advanceMs(MINUTE_MS);

    Harness.Result end = h.tick();

    assertThat(end.events("hunt").get(0).get("status").asText()).isEqualTo("ended");
    assertThat(end.events("round")).isEmpty();
  }

  @Test
  void replayOpensTheSameRoundsAndSendsNothingAgain() {
    int ada = startedWithPlayer();
    h.advanceMs(10 * MINUTE_MS);
    h.tick();
    h.advanceMs(MINUTE_MS);
    h.guess(ada, "tide", "high tide");

    ShardState replayed = h.replay();

    assertThat(Harness.snapshotOf(replayed)).isEqualTo(h.snapshot());
    h.shard = replayed;
    assertThat(h.tick().events("round")).isEmpty();
    assertThat(h.state(ada).reply().at("/hunt/rounds/1/open").asBoolean()).isTrue();
    h.advanceMs(20 * MINUTE_MS);
    assertThat(h.tick().events("round").get(0).get("round").asText()).isEqualTo("finale");
  }

  @Test
  void reloadKeepsOpenRoundsAndOpensANewRoundThatIsAlreadyDue() {
    int ada = startedWithPlayer();
    h.advanceMs(15 * MINUTE_MS);
    h.tick();
    String withHarbour =
        TestHunts.hunt()
            .withRounds()
            .text()
            .replace(
                "  - {id: docks,",
                "  - {id: harbour, title: Harbour, starts-after: 5m}\n  - {id: docks,")
            .replace("    answers: [anchor]\n", "    answers: [anchor]\n    round: harbour\n");

    Harness.Result reload = h.reload(withHarbour, false);

    assertThat(reload.ok()).as(reload.reply().toString()).isTrue();
    List<JsonNode> rounds = reload.events("round");
    assertThat(rounds).hasSize(1);
    assertThat(rounds.get(0).get("round").asText()).isEqualTo("harbour");
    assertThat(rounds.get(0).get("puzzles").toString()).isEqualTo("[\"riddle\"]");
    JsonNode state = h.state(ada).reply().get("hunt");
    assertThat(state.get("rounds").findValuesAsText("id"))
        .containsExactly("warm-up", "harbour", "docks", "finale");
    assertThat(state.at("/rounds/2/open").asBoolean()).isTrue();
    assertThat(state.at("/rounds/3/open").asBoolean()).isFalse();
  }

  @Test
  void reloadRefusesToRetimeAnOpenedRoundUnlessForced() {
    startedWithPlayer();
    h.advanceMs(15 * MINUTE_MS);
    h.tick();
    String later = TestHunts.hunt().withRounds("20m", "30m").text();

    Harness.Result refused = h.reload(later, false);

    assertThat(refused.error()).isEqualTo("RELOAD_REFUSED");
    assertThat(refused.reply().at("/error/message").asText())
        .contains("round 'docks' opens 20m after the start instead of 10m")
        .contains("the round has already opened");
    Harness.Result forced = h.reload(later, true);
    assertThat(forced.ok()).isTrue();
    assertThat(forced.events("round")).isEmpty();
  }

  @Test
  void aHuntWithoutRoundsAnswersAsBefore() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");

    JsonNode hunt = h.state(ada).reply().get("hunt");

    assertThat(hunt.has("rounds")).isFalse();
    assertThat(hunt.at("/puzzles/0").has("round")).isFalse();
    assertThat(ids(hunt.get("puzzles"))).containsExactly("lighthouse", "tide");
  }

  @Test
  void restoresOpenRoundsFromASnapshot() throws Exception {
    int ada = startedWithPlayer();
    h.advanceMs(10 * MINUTE_MS);
    h.tick();

    ShardState restored = restore(h.snapshot());

    assertThat(Harness.snapshotOf(restored)).isEqualTo(h.snapshot());
    h.shard = restored;
    assertThat(h.tick().events("round")).isEmpty();
    assertThat(ids(h.state(ada).reply().at("/hunt/puzzles"))).contains("tide");
  }

  /**
   * A version 1 snapshot (written before rounds existed) still reads: it is the version 2 form
   * without the open-round count after {@code seq}.
   */
  @Test
  void readsASnapshotWrittenBeforeRounds() throws Exception {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    h.guess(ada, "lighthouse", "fresnel");
    byte[] v2 = h.snapshot();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(v2));
    in.readInt();
    in.readInt();
    in.readInt();
    int header = 12;
    for (int s = 0; s < 2; s++) {
      int length = in.readInt();
      in.skipBytes(length);
      header += 4 + length;
    }
    int roundsAt = header + 4 + 8 + 8 + 8 + 8;
    assertThat(ByteBuffer.wrap(v2, roundsAt, 4).getInt()).isEqualTo(1);
    ByteArrayOutputStream v1 = new ByteArrayOutputStream();
    v1.write(v2, 0, 4);
    v1.write(new byte[] {0, 0, 0, 1});
    v1.write(v2, 8, roundsAt - 8);
    v1.write(v2, roundsAt + 4, v2.length - roundsAt - 4);

    ShardState restored = restore(v1.toByteArray());

    assertThat(Harness.snapshotOf(restored)).isEqualTo(v2);
  }

  private static ShardState restore(byte[] snapshot) throws IOException {
    return ShardState.readSnapshot(
        new DataInputStream(new ByteArrayInputStream(snapshot)),
        new EngineContext(0, Harness.SECRET, new HuntDirectory()));
  }

  @Test
  void publishesTheCurrentRoundForTheCatalog() {
    startedWithPlayer();
    HuntView view = h.directory.views().get(0);
    assertThat(view.currentRound()).isEqualTo("warm-up");
    h.advanceMs(10 * MINUTE_MS);
    h.tick();
    assertThat(view.currentRound()).isEqualTo("docks");
  }
}
