package io.cairn.veltrix.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.veltrix.Problem;
import io.cairn.veltrix.VeltrixException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("cairn.yaml"), yaml);
  }

  private static List<String> problems(Runnable load) {
    try {
      load.run();
    } catch (VeltrixException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected a VeltrixException");
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    ServerSettings s = ServerSettings.defaults();
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.host()).isEqualTo("0.0.0.0");
    assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(s.huntsDir()).isEqualTo(Path.of("./hunts"));
    assertThat(s.shards()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.shardQueueBytes()).isEqualTo(4 << 20);
    assertThat(s.fsync()).isEqualTo("always");
    assertThat(s.fsyncIntervalNs()).isEqualTo(10_000_000L);
    assertThat(s.journalSegmentBytes()).isEqualTo(64L << 20);
    assertThat(s.snapshotIntervalNs()).isEqualTo(300_000_000_000L);
    assertThat(s.boardTickNs()).isEqualTo(250_000_000L);
    assertThat(s.maxFrameBytes()).isEqualTo(4096);
    assertThat(s.maxConnections()).isEqualTo(19_000);
    assertThat(s.outboundHighWaterBytes()).isEqualTo(256 * 1024);
    assertThat(s.outboundLimitBytes()).isEqualTo(1 << 20);
    assertThat(s.requestsPerSecond()).isEqualTo(50);
    assertThat(s.idleTimeoutNs()).isEqualTo(60_000_000_000L);
    assertThat(s.adminToken()).isEmpty();
    assertThat(s.heapBytes()).isEqualTo(1L << 30);
    assertThat(s.file()).isEmpty();
    for (String key : s.keys()) {
      assertThat(s.layerOf(key)).as(key).isEqualTo(Layer.DEFAULT);
      assertThat(s.sourceOf(key)).isEqualTo("built-in");
    }
    assertThat(s.valueText("shard-queue-bytes")).isEqualTo("4MiB");
  }

  @Test
  void serverFileOverridesDefaultsAndRemembersWhere() throws IOException {
    Path f =
        file("# tuned for the harbour event\nport: 9090\nboard-tick: 100ms\nfsync: interval\n");
    ServerSettings s = ServerSettings.load(Optional.of(f), Map.of(), Map.of());
    assertThat(s.port()).isEqualTo(9090);
    assertThat(s.boardTickNs()).isEqualTo(100_000_000L);
    assertThat(s.fsync()).isEqualTo("interval");
    assertThat(s.layerOf("port")).isEqualTo(Layer.FILE);
    assertThat(s.layerOf("host")).isEqualTo(Layer.DEFAULT);
    assertThat(s.valueText("board-tick")).isEqualTo("100ms");
    assertThat(s.sourceOf("board-tick")).isEqualTo(f + ":3:13");
    assertThat(s.file()).contains(f);
  }

  @Test
  void environmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws IOException {
    Path f = file("board-tick: 100ms\nport: 9090\nshards: 3\n");
    Map<String, String> env = Map.of("CAIRN_BOARD_TICK", "200ms", "CAIRN_PORT", "9191");
    Map<String, String> flags = Map.of("port", "9292");
    ServerSettings s = ServerSettings.load(Optional.of(f), env, flags);
    assertThat(s.shards()).isEqualTo(3);
    assertThat(s.layerOf("shards")).isEqualTo(Layer.FILE);
    assertThat(s.boardTickNs()).isEqualTo(200_000_000L);
    assertThat(s.layerOf("board-tick")).isEqualTo(Layer.ENVIRONMENT);
    assertThat(s.sourceOf("board-tick")).isEqualTo("CAIRN_BOARD_TICK");
    assertThat(s.port()).isEqualTo(9292);
    assertThat(s.layerOf("port")).isEqualTo(Layer.FLAG);
    assertThat(s.sourceOf("port")).isEqualTo("--set port");
  }

  @Test
  void ignoresVariablesOutsideTheCairnPrefixAndTheLaunchersOwn() {
    Map<String, String> env =
        Map.of("PATH", "/usr/bin", "CAIRN_JAVA_OPTS", "-Xlog:gc", "JAVA_HOME", "/opt/jdk");
    assertThat(ServerSettings.load(Optional.empty(), env, Map.of()).port()).isEqualTo(8080);
  }

  @Test
  void readsTheHeapFromCairnHeapLikeTheLauncher() {
    ServerSettings s = ServerSettings.load(Optional.empty(), Map.of("CAIRN_HEAP", "4g"), Map.of());
    assertThat(s.heapBytes()).isEqualTo(4L << 30);
    assertThat(s.layerOf("heap")).isEqualTo(Layer.ENVIRONMENT);
  }

  @Test
  void reportsAnUnknownKeyInTheFileWithPositionAndSuggestion() throws IOException {
    Path f = file("port: 9090\nboard-tik: 100ms\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(f + ":2:1: board-tik: unknown setting (did you mean 'board-tick'?)");
  }

  @Test
  void reportsABadValueInTheFileAtTheValue() throws IOException {
    Path f = file("port: 9090\nfsync:   sometimes\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(
            f + ":2:10: fsync: expected one of always, interval, never, got 'sometimes'");
  }

  @Test
  void reportsEveryProblemOfEveryLayerAtOnce() throws IOException {
    Path f = file("port: 99999\nshard-queue-bytes: 4MB\ncolour: blue\n");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CAIRN_BORD_TICK", "100ms");
    env.put("CAIRN_IDLE_TIMEOUT", "60");
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("max-conections", "10");
    flags.put("heap", "lots");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), env, flags)))
        .containsExactly(
            f + ":1:7: port: must be between 0 and 65535, got 99999",
            f + ":2:20: shard-queue-bytes: 'MB' is ambiguous: write MiB for 1024×1024 bytes",
            f + ":3:1: colour: unknown setting",
            "environment: CAIRN_BORD_TICK: unknown Cairn variable (did you mean 'CAIRN_BOARD_TICK'?)",
            "environment: CAIRN_IDLE_TIMEOUT: a duration needs a unit: write 60ms, 60s or 60m",
            "flags: --set max-conections: unknown setting (did you mean 'max-connections'?)",
            "flags: --set heap: expected a size such as 4KiB, 64MiB or 1g (a whole number with a"
                + " binary unit), got 'lots'");
  }

  @Test
  void reportsAYamlSyntaxErrorWithLineAndColumn() throws IOException {
    Path f = file("port: 9090\nhost: [unclosed\n");
    List<String> problems = problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of()));
    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst()).startsWith(f + ":3:1: not valid YAML: ");
  }

  @Test
  void refusesAKeySetTwice() throws IOException {
    Path f = file("port: 9090\nhost: localhost\nport: 9091\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(f + ":3:1: port: is set twice (first on line 1)");
  }

  @Test
  void refusesListsMappingsAndEmptyValues() throws IOException {
    Path f = file("host: [a, b]\nport:\n  number: 1\nadmin-token:\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(
            f + ":1:7: host: expected a single value, not a list or a mapping",
            f + ":3:3: port: expected a single value, not a list or a mapping",
            f + ":4:1: admin-token: has no value (remove the line to keep the default)");
  }

  @Test
  void refusesAFileThatIsNotAMapping() throws IOException {
    Path f = file("- port\n- host\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(f + ":1:1: expected 'key: value' lines (a mapping) at the top level");
  }

  @Test
  void acceptsAnEmptyFileOrOneWithOnlyComments() throws IOException {
    Path f = file("# nothing tuned yet\n");
    ServerSettings s = ServerSettings.load(Optional.of(f), Map.of(), Map.of());
    assertThat(s.layerOf("port")).isEqualTo(Layer.DEFAULT);
  }

  @Test
  void acceptsAQuotedEmptyAdminTokenAndQuotedNumbers() throws IOException {
    Path f = file("admin-token: \"\"\nport: '9090'\nmax-frame-bytes: 8192\n");
    ServerSettings s = ServerSettings.load(Optional.of(f), Map.of(), Map.of());
    assertThat(s.adminToken()).isEmpty();
    assertThat(s.layerOf("admin-token")).isEqualTo(Layer.FILE);
    assertThat(s.port()).isEqualTo(9090);
    assertThat(s.maxFrameBytes()).isEqualTo(8192);
  }

  @Test
  void ignoresAByteOrderMarkAtTheStart() throws IOException {
    Path f = file("\uFEFFport: 9090\n");
    assertThat(ServerSettings.load(Optional.of(f), Map.of(), Map.of()).port()).isEqualTo(9090);
  }

  @Test
  void reportsAMissingServerFile() {
    Path missing = dir.resolve("nowhere.yaml");
    assertThat(problems(() -> ServerSettings.load(Optional.of(missing), Map.of(), Map.of())))
        .containsExactly(missing + ": no such file");
  }

  @Test
  void reportsAServerFileThatIsNotUtf8() throws IOException {
    Path f = Files.write(dir.resolve("cairn.yaml"), new byte[] {'p', ':', ' ', (byte) 0xff, '\n'});
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(f + ": file is not valid UTF-8 text");
  }

  @Test
  void refusesAHighWaterMarkAboveTheOutboundLimitBlamingTheHigherLayer() throws IOException {
    Path f = file("outbound-limit-bytes: 512KiB\n");
    assertThat(
            problems(
                () ->
                    ServerSettings.load(
                        Optional.of(f), Map.of(), Map.of("outbound-high-water-bytes", "1MiB"))))
        .containsExactly(
            "flags: --set outbound-high-water-bytes: outbound-high-water-bytes (1MiB) must not"
                + " exceed outbound-limit-bytes (512KiB)");
    Path small = file("outbound-limit-bytes: 128KiB\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(small), Map.of(), Map.of())))
        .containsExactly(
            small
                + ":1:23: outbound-limit-bytes: outbound-high-water-bytes (256KiB) must not exceed"
                + " outbound-limit-bytes (128KiB)");
  }

  @Test
  void reportsAValueOutOfRangeInUnitsOfTheSetting() throws IOException {
    Path f = file("snapshot-interval: 15m\nboard-tick: 2h\n");
    assertThat(problems(() -> ServerSettings.load(Optional.of(f), Map.of(), Map.of())))
        .containsExactly(f + ":2:13: board-tick: must be between 10ms and 1m, got 2h");
  }

  @Test
  void refusesToAnswerForAKeyThatIsNotASetting() {
    ServerSettings s = ServerSettings.defaults();
    assertThatThrownBy(() -> s.valueText("colour"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no setting named 'colour'");
  }
}
