package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.veltrix.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ConfigCommandTest {
  @TempDir Path dir;

  private static String line(CliRun run, String key) {
    return run.outLines().stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow();
  }

  private static List<String> columns(String line) {
    return List.of(line.trim().split(" {2,}"));
  }

  @Test
  void printsEverySettingWithItsDefaultLayerAligned() {
    CliRun run = CliRun.run(Map.of(), dir, "config");
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(Setting.values().length);
    assertThat(columns(line(run, "board-tick"))).containsExactly("board-tick", "250ms", "default");
    assertThat(columns(line(run, "shard-queue-bytes")))
        .containsExactly("shard-queue-bytes", "4MiB", "default");
    int valueColumn = line(run, "port").indexOf("8080");
    assertThat(line(run, "board-tick").indexOf("250ms")).isEqualTo(valueColumn);
    assertThat(line(run, "outbound-high-water-bytes").indexOf("256KiB")).isEqualTo(valueColumn);
  }

  @Test
  void showsWhichLayerSetEachValueAndWhere() throws IOException {
    Files.writeString(dir.resolve("cairn.yaml"), "port: 9090\nboard-tick: 100ms\nshards: 3\n");
    Map<String, String> env = Map.of("CAIRN_BOARD_TICK", "200ms", "CAIRN_PORT", "9191");
    CliRun run = CliRun.run(env, dir, "config", "--set", "port=9292");
    assertThat(run.exitCode()).isZero();
    assertThat(columns(line(run, "shards")))
        .containsExactly("shards", "3", "file", dir.resolve("cairn.yaml") + ":3:9");
    assertThat(columns(line(run, "board-tick")))
        .containsExactly("board-tick", "200ms", "environment", "CAIRN_BOARD_TICK");
    assertThat(columns(line(run, "port"))).containsExactly("port", "9292", "flag", "--set port");
    assertThat(columns(line(run, "host"))).containsExactly("host", "0.0.0.0", "default");
  }

  @Test
  void acceptsGlobalOptionsBeforeTheCommandAndLetsTheLaterOnesWin() throws IOException {
    Path file = Files.writeString(dir.resolve("other.yaml"), "fsync: never\n");
    CliRun run =
        CliRun.run(
            Map.of(),
            dir,
            "--config",
            file.toString(),
            "--set",
            "port=1",
            "--set",
            "shards=2",
            "config",
            "--set",
            "shards=4");
    assertThat(run.exitCode()).isZero();
    assertThat(columns(line(run, "fsync")))
        .containsExactly("fsync", "never", "file", file + ":1:8");
    assertThat(columns(line(run, "port"))).containsExactly("port", "1", "flag", "--set port");
    assertThat(columns(line(run, "shards"))).containsExactly("shards", "4", "flag", "--set shards");
  }

  @Test
  void readsTheServerFileGivenWithConfigInsteadOfTheImplicitOne() throws IOException {
    Files.writeString(dir.resolve("cairn.yaml"), "port: 9090\n");
    Path other = Files.writeString(dir.resolve("prod.yaml"), "host: 127.0.0.1\n");
    CliRun run = CliRun.run(Map.of(), dir, "config", "--config", other.toString());
    assertThat(columns(line(run, "port"))).containsExactly("port", "8080", "default");
    assertThat(columns(line(run, "host")))
        .containsExactly("host", "127.0.0.1", "file", other + ":1:7");
  }

  @Test
  void neverPrintsTheAdminToken() {
    String token = "correct-horse-battery-staple";
    CliRun table = CliRun.run(Map.of("CAIRN_ADMIN_TOKEN", token), dir, "config");
    CliRun json = CliRun.run(Map.of("CAIRN_ADMIN_TOKEN", token), dir, "config", "--json");
    assertThat(table.out()).doesNotContain(token);
    assertThat(json.out()).doesNotContain(token);
    assertThat(columns(line(table, "admin-token")))
        .containsExactly("admin-token", "(hidden)", "environment", "CAIRN_ADMIN_TOKEN");
  }

  @Test
  @SuppressWarnings("unchecked")
  void printsJsonForMachines() throws IOException {
    Path file = Files.writeString(dir.resolve("cairn.yaml"), "max-connections: 500\n");
    CliRun run = CliRun.run(Map.of(), dir, "config", "--json", "--set", "board-tick=1s");
    assertThat(run.exitCode()).isZero();
    Map<String, Object> doc =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(run.out());
    assertThat(doc.get("file")).isEqualTo(file.toString());
    List<Map<String, Object>> settings = (List<Map<String, Object>>) doc.get("settings");
    assertThat(settings).extracting(s -> s.get("key")).containsExactlyElementsOf(Setting.keys());
    assertThat(settings.get(Setting.MAX_CONNECTIONS.ordinal()))
        .containsEntry("value", "500")
        .containsEntry("type", "int")
        .containsEntry("layer", "file")
        .containsEntry("source", file + ":1:18");
    assertThat(settings.get(Setting.BOARD_TICK.ordinal()))
        .containsEntry("value", "1s")
        .containsEntry("layer", "flag");
  }

  @Test
  void printsNullForTheFileWhenThereIsNone() {
    CliRun run = CliRun.run(Map.of(), dir, "config", "--json");
    assertThat(run.out()).contains("\"file\": null");
  }

  @Test
  void reportsEveryBadSettingAndExits1() throws IOException {
    Files.writeString(dir.resolve("cairn.yaml"), "port: 9090\nboard-tik: 100ms\n");
    CliRun run =
        CliRun.run(
            Map.of("CAIRN_FSYNC", "sometimes", "CAIRN_SHARD", "4", "HOME", "/root"),
            dir,
            "config",
            "--set",
            "heap=lots");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            dir.resolve("cairn.yaml")
                + ":2:1: board-tik: unknown setting (did you mean 'board-tick'?)",
            "environment: CAIRN_FSYNC: expected one of always, interval, never, got 'sometimes'",
            "environment: CAIRN_SHARD: unknown Cairn variable (did you mean 'CAIRN_SHARDS'?)",
            "flags: --set heap: expected a size such as 4KiB, 64MiB or 1g (a whole number with a"
                + " binary unit), got 'lots'");
  }

  @Test
  void toleratesTheLaunchersOwnVariables() {
    CliRun run =
        CliRun.run(Map.of("CAIRN_JAVA_OPTS", "-Xlog:gc", "CAIRN_HEAP", "2g"), dir, "config");
    assertThat(run.exitCode()).isZero();
    assertThat(columns(line(run, "heap")))
        .containsExactly("heap", "2g", "environment", "CAIRN_HEAP");
  }

  @Test
  void reportsAMissingServerFileNamedWithConfig() {
    Path missing = dir.resolve("nowhere.yaml");
    CliRun run = CliRun.run(Map.of(), dir, "config", "--config", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(missing + ": no such file");
  }

  @Test
  void aSetWithoutEqualsSignIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "config", "--set", "port");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("should be in KEY=VALUE format");
  }
}
