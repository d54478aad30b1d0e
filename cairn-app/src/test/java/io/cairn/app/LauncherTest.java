package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the {@code ./cairn} launcher that run before Java starts. (Starting Java needs the
 * packaged app, which exists only after this module's tests: .ci/run runs the launcher for real.)
 */
class LauncherTest {
  /** Surefire runs in the module's directory. */
  private static final Path LAUNCHER = Path.of("..", "cairn").toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Outcome(int exitCode, String err) {}

  private Outcome launch(String heapVariable, String... args)
      throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = LAUNCHER.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("CAIRN_HEAP", heapVariable);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue(), err);
  }

  @Test
  void isAnExecutablePosixShellScript() throws IOException {
    assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    assertThat(Files.readAllLines(LAUNCHER).getFirst()).isEqualTo("#!/bin/sh");
  }

  @Test
  void refusesABadHeapBeforeBuildingOrStartingJava() throws IOException, InterruptedException {
    Outcome o = launch("lots", "version");
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("cairn: heap 'lots' is not a size such as 1g, 512m or 2GiB\n");
  }

  /** Every case is an invalid heap, so the launcher stops before building or starting Java. */
  @Test
  void takesTheHeapFlagOverTheVariableOverTheServerFile() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("cairn.yaml"), "heap: 1.5g\n");
    assertThat(launch("", "version").err()).contains("heap '1.5g'");
    assertThat(launch("6v", "version").err()).contains("heap '6v'");
    assertThat(launch("2x", "--set", "heap=3y", "version").err()).contains("heap '3y'");
    assertThat(launch("2x", "config", "--set=heap=4z").err()).contains("heap '4z'");
    Path other = Files.writeString(dir.resolve("other.yaml"), "heap: \"5w\"  # comment\n");
    assertThat(launch("", "--config", other.toString(), "config").err()).contains("heap '5w'");
    assertThat(launch("", "--config=" + other, "config").err()).contains("heap '5w'");
  }
}
