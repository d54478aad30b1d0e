package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadAndReloadTest {
  private final Harness h = new Harness();

  private static List<String> puzzleIds(JsonNode hunt) {
    List<String> out = new ArrayList<>();
    hunt.get("puzzles").forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void loadsAHuntAndNumbersItInLoadOrder() {
    Harness.Result first = h.load(TestHunts.hunt().text());
    Harness.Result second = h.load(TestHunts.hunt().id("second-run").text());

    assertThat(first.ok()).isTrue();
    assertThat(first.journaled()).isTrue();
    assertThat(first.reply().get("hunt").asText()).isEqualTo("harbor-run");
    assertThat(first.reply().get("huntNumber").asInt()).isZero();
    assertThat(first.reply().get("status").asText()).isEqualTo("scheduled");
    assertThat(second.reply().get("huntNumber").asInt()).isEqualTo(1);
    assertThat(h.shard.huntCount()).isEqualTo(2);
    assertThat(h.shard.huntNumber("second-run")).isEqualTo(1);
    assertThat(h.directory.find("second-run").orElseThrow().huntNumber()).isEqualTo(1);
  }

  @Test
  void refusesAHuntThatDoesNotCompileWithEveryProblem() {
    Harness.Result r = h.load("id: Bad Id\ntitle: x\nunknown-key: 1\n");

    assertThat(r.error()).isEqualTo("INVALID_HUNT");
    assertThat(r.reply().at("/error/message").asText()).contains("test.hunt.yaml", "unknown-key");
    assertThat(r.journaled()).isFalse();
    assertThat(h.shard.huntCount()).isZero();
  }

  @Test
  void refusesToLoadTheSameHuntTwice() {
    h.load(TestHunts.hunt().text());

    Harness.Result r = h.load(TestHunts.hunt().text());
    assertThat(r.error()).isEqualTo("HUNT_EXISTS");
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void reloadsSafeChangesWhileRunningAndKeepsProgressById() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    h.guess(ada, "tide", "high tide");
    h.guess(ada, "lighthouse", "no");

    Harness.Result r =
        h.reload(TestHunts.hunt().titleSuffix(" Night").withBonusPuzzle().text(), false);

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("changes")).isNotEmpty();
    assertThat(r.events("hunt").get(0).get("status").asText()).isEqualTo("running");
    JsonNode hunt = h.state(ada).reply().get("hunt");
    assertThat(hunt.get("title").asText()).isEqualTo("Harbor Run Night");
    assertThat(puzzleIds(hunt)).containsExactly("lighthouse", "tide", "bonus");
    assertThat(hunt.at("/puzzles/1/solved").asBoolean()).isTrue();
    assertThat(hunt.get("score").asLong()).isEqualTo(60);
    assertThat(h.guess(ada, "bonus", "extra").reply().get("score").asLong()).isEqualTo(70);
    assertThat(h.guess(ada, "tide", "high tide").error()).isEqualTo("ALREADY_SOLVED");
  }

  @Test
  void refusesAnUnsafeReloadUnlessForced() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    h.guess(ada, "lighthouse", "fresnel");
    String changed = TestHunts.hunt().lighthousePoints(500).text();

    Harness.Result refused = h.reload(changed, false);
    assertThat(refused.error()).isEqualTo("RELOAD_REFUSED");
    assertThat(refused.reply().at("/error/message").asText()).contains("points");
    assertThat(refused.journaled()).isFalse();

    Harness.Result forced = h.reload(changed, true);
    assertThat(forced.ok()).isTrue();
    assertThat(h.state(ada).reply().at("/hunt/score").asLong()).isEqualTo(100);
  }

  @Test
  void remapsProgressWhenAForcedReloadRemovesASolvedPuzzle() {
    h.load(TestHunts.hunt().decay("linear", 10, 20).text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    h.guess(ada, "tide", "high tide");
    h.guess(ada, "lighthouse", "fresnel");
    String withoutTide = TestHunts.hunt().decay("linear", 10, 20).withoutTide().text();

    assertThat(h.reload(withoutTide, false).error()).isEqualTo("RELOAD_REFUSED");
    assertThat(h.reload(withoutTide, true).ok()).isTrue();

    JsonNode hunt = h.state(ada).reply().get("hunt");
    assertThat(puzzleIds(hunt)).containsExactly("lighthouse", "riddle");
    assertThat(hunt.at("/puzzles/0/solved").asBoolean()).isTrue();
    assertThat(hunt.get("score").asLong()).isEqualTo(160);
    assertThat(h.state(bo).reply().at("/hunt/puzzles/0/points").asInt()).isEqualTo(90);
    assertThat(h.guess(ada, "riddle", "anchor").reply().get("points").asInt()).isEqualTo(50);
  }

  @Test
  void replaysAndRestoresAReloadedHuntExactly() throws Exception {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    h.guess(ada, "tide", "high tide");
    h.reload(TestHunts.hunt().withBonusPuzzle().titleSuffix(" II").text(), false);
    h.guess(ada, "bonus", "extra");

    assertThat(Harness.snapshotOf(h.replay())).isEqualTo(h.snapshot());
    ShardState restored =
        ShardState.readSnapshot(
            new java.io.DataInputStream(new java.io.ByteArrayInputStream(h.snapshot())),
            new EngineContext(0, Harness.SECRET, new HuntDirectory()));
    assertThat(Harness.snapshotOf(restored)).isEqualTo(h.snapshot());
    assertThat(restored.huntNumber("harbor-run")).isZero();
  }

  @Test
  void refusesToReloadAHuntItDoesNotRun() {
    assertThat(h.reload(TestHunts.hunt().text(), false).error()).isEqualTo("UNKNOWN_HUNT");
    assertThat(h.reload("nonsense: [", false).error()).isEqualTo("INVALID_HUNT");
  }
}
