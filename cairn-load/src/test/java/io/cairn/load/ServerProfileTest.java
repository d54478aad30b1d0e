package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProfileTest {
  @TempDir Path dir;

  @Test
  void countIsTheNumberAtTheEndOfACollapsedLine() {
    assertThat(ServerProfile.count("java/lang/Thread.run;io/cairn/engine/Shard.doWork 42"))
        .isEqualTo(42);
    assertThat(ServerProfile.count("a frame with spaces;[unknown] 7")).isEqualTo(7);
    assertThat(ServerProfile.count("")).isZero();
    assertThat(ServerProfile.count("no count at the end x")).isZero();
  }

  @Test
  void tableLineGivesThePathsOrWhyThereIsNoProfile() {
    assertThat(
            ServerProfile.tableLine(
                Map.of(
                    "event",
                    "cpu",
                    "taken",
                    true,
                    "flameGraph",
                    "/o/cairn-flame-cpu.html",
                    "collapsedStacks",
                    "/o/cairn-flame-cpu.txt",
                    "samples",
                    1234L,
                    "kernelFrames",
                    true)))
        .contains("/o/cairn-flame-cpu.html")
        .contains("/o/cairn-flame-cpu.txt")
        .contains("1234 samples")
        .contains("kernel frames included");
    assertThat(
            ServerProfile.tableLine(
                Map.of("event", "wall", "taken", false, "reason", "cannot attach to the server")))
        .isEqualTo("profile (wall): not taken, cannot attach to the server");
  }

  @Test
  void aServerThatIsNotAChildIsNotProfiledAndTheRunIsToldWhy() {
    StringBuilder log = new StringBuilder();
    ServerProfile p = ServerProfile.start("cpu", 0, "cairn", dir, dir, log::append);
    p.stop(log::append);
    Map<String, Object> s = p.summary();
    assertThat(s).containsEntry("event", "cpu").containsEntry("taken", false);
    assertThat((String) s.get("reason")).contains("not a process this bench started");
    assertThat(log.toString()).contains("the run goes on without a profile");
  }

  @Test
  void aJvmThatRefusesAttachLeavesNoProfileAndTheReason() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+DisableAttachMechanism",
                "-cp",
                System.getProperty("java.class.path"),
                AttachDisabledMain.class.getName())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader up =
          new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      assertThat(up.readLine()).isEqualTo("up");
      StringBuilder log = new StringBuilder();
      ServerProfile p = ServerProfile.start("cpu", jvm.pid(), "cairn", dir, dir, log::append);
      p.stop(log::append);
      Map<String, Object> s = p.summary();
      assertThat(s).containsEntry("taken", false);
      assertThat((String) s.get("reason"))
          .contains("cannot attach to the server (pid " + jvm.pid());
      assertThat(ServerProfile.tableLine(s)).startsWith("profile (cpu): not taken, cannot attach");
      assertThat(dir.resolve("cairn-flame-cpu.html")).doesNotExist();
    } finally {
      jvm.destroyForcibly().waitFor();
    }
  }
}
