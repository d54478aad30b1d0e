package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheProjectVersionAndTheRuntime() {
    CliRun run = CliRun.run(Map.of(), dir, "version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines().getFirst()).matches("cairn \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.outLines().get(1)).startsWith("java " + Runtime.version());
    assertThat(run.out()).contains("MiB max, gc ");
  }

  @Test
  void versionOptionPrintsTheSameAsTheCommand() {
    assertThat(CliRun.run(Map.of(), dir, "--version").out())
        .isEqualTo(CliRun.run(Map.of(), dir, "version").out());
  }
}
