package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
  @TempDir Path dir;

  @Test
  void defaultsMakeAValidScenarioWithTheRateOfTheThinkTime() {
    Scenario s = Scenario.of(Map.of());
    assertThat(s.target()).isEqualTo("cairn");
    assertThat(s.players()).isEqualTo(1000);
    assertThat(s.rate()).isEqualTo(2000.0); // 1000 players, one request per 500 ms each
    assertThat(s.durationMs()).isEqualTo(30_000);
    assertThat(s.fsync()).isEqualTo("always");
    assertThat(s.mix()).containsKeys(Op.values());
    assertThat(s.idleConnections()).isEmpty();
  }

  @Test
  void rateOverridesTheThinkTimeAndThinkTimeSetsTheRate() {
    assertThat(Scenario.of(Map.of("players", "10", "rate", "55.5")).rate()).isEqualTo(55.5);
    assertThat(Scenario.of(Map.of("players", "10", "think-time", "100ms")).rate()).isEqualTo(100.0);
  }

  @Test
  void aFileOfFlatKeyValueLinesIsRead() throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "# ten thousand players\nplayers: 10000\nrate: 20000\nmix: \"move=1,claim=0\"\n"
            + "idle-connections: 1000, 18000\n");
    Scenario s = Scenario.of(Scenario.readFile(file));
    assertThat(s.players()).isEqualTo(10_000);
    assertThat(s.rate()).isEqualTo(20_000.0);
    assertThat(s.mix()).containsEntry(Op.MOVE, 1.0).containsEntry(Op.CLAIM, 0.0);
    assertThat(s.idleConnections()).containsExactly(1000, 18000);
  }

  @Test
  void toMapReproducesTheScenario() {
    Scenario s =
        Scenario.of(
            Map.of(
                "players",
                "20000",
                "rate",
                "1234",
                "seed",
                "-7",
                "server-java-opts",
                "-Xlog:gc",
                "server-set",
                "requests-per-second=1000, board-tick=1s"));
    Scenario again = Scenario.of(s.toMap());
    assertThat(again).isEqualTo(s);
    assertThat(again.workers(20_000)).isEqualTo(3);
    assertThat(again.serverJavaOpts()).isEqualTo(List.of("-Xlog:gc"));
    assertThat(again.serverSet()).containsExactly("requests-per-second=1000", "board-tick=1s");
    assertThat(again.withTarget("echo").echo()).isTrue();
  }

  @Test
  void badInputNamesTheKeyAndWhatItExpects() {
    assertThatThrownBy(() -> Scenario.of(Map.of("player", "1")))
        .hasMessageContaining("unknown scenario key 'player'");
    assertThatThrownBy(() -> Scenario.of(Map.of("players", "0")))
        .hasMessageContaining("'players': expected a whole number from 1");
    assertThatThrownBy(() -> Scenario.of(Map.of("rate", "-1")))
        .hasMessageContaining("'rate': expected requests per second");
    assertThatThrownBy(() -> Scenario.of(Map.of("mix", "move=1,dance=2")))
        .hasMessageContaining("'mix'")
        .hasMessageContaining("guess-right");
    assertThatThrownBy(() -> Scenario.of(Map.of("mix", "move=0")))
        .hasMessageContaining("at least one op with a weight > 0");
    assertThatThrownBy(() -> Scenario.of(Map.of("target", "nginx")))
        .hasMessageContaining("cairn, echo or both");
    assertThatThrownBy(() -> Scenario.of(Map.of("url", "http://x"))).hasMessageContaining("ws://");
    assertThatThrownBy(() -> Scenario.of(Map.of("server-heap", "lots")))
        .hasMessageContaining("1g or 512m");
    assertThatThrownBy(() -> Scenario.of(Map.of("server-set", "fsync")))
        .hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> Scenario.of(Map.of("idle-connections", "10,x")))
        .hasMessageContaining("'idle-connections'");
  }

  @Test
  void profileKeyTakesAnAsyncProfilerEventAndSurvivesToMap() {
    assertThat(Scenario.of(Map.of()).profile()).isEmpty();
    Scenario s = Scenario.of(Map.of("profile", "Alloc"));
    assertThat(s.profile()).isEqualTo("alloc");
    assertThat(Scenario.of(s.toMap()).profile()).isEqualTo("alloc");
    assertThat(s.withTarget("echo").profile()).isEqualTo("alloc");
    for (String event : ServerProfile.EVENTS) {
      assertThat(Scenario.of(Map.of("profile", event)).profile()).isEqualTo(event);
    }
  }

  @Test
  void profileIsRefusedForAnUnknownEventAServerAtAUrlAndTheIdleMode() {
    assertThatThrownBy(() -> Scenario.of(Map.of("profile", "cycles")))
        .hasMessageContaining("scenario key 'profile'")
        .hasMessageContaining("cpu, alloc, wall, lock, itimer");
    assertThatThrownBy(() -> Scenario.of(Map.of("profile", "cpu", "url", "ws://127.0.0.1:8080/ws")))
        .hasMessageContaining("drop --url")
        .hasMessageContaining("asprof -e cpu");
    assertThatThrownBy(() -> Scenario.of(Map.of("profile", "wall", "idle-connections", "100")))
        .hasMessageContaining("idle-memory mode");
  }
}
