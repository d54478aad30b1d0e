package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnTest {
  @TempDir Path dir;

  @Test
  void withoutACommandPrintsUsageAndExits2() {
    CliRun run = CliRun.run(Map.of(), dir);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: cairn").contains("validate").contains("config");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "serv");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'serv'");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "config", "--jsn");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--jsn'");
  }

  @Test
  void helpListsEveryCommandAndExits0() {
    CliRun run = CliRun.run(Map.of(), dir, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("validate", "config", "version", "--config=FILE", "--set=KEY=VALUE");
  }

  @Test
  void helpOfOneCommandDescribesIt() {
    CliRun run = CliRun.run(Map.of(), dir, "help", "config");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: cairn config").contains("--json");
  }
}
