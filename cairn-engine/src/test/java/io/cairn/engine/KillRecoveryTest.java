package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.journal.FsyncPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability, proven the hard way: a real child process plays under fsync {@code always} and is
 * killed with SIGKILL at a random moment, twenty times over the same data directory. After each
 * kill the engine recovers in this process and every change the child saw acknowledged must be
 * there: players, solved puzzles, claimed treasures, hints taken.
 */
class KillRecoveryTest {
  private static final int ROUNDS = 20;

  static EngineConfig config(Path data) {
    return EngineConfig.defaults(data)
        .withShards(2)
        .withFsync(FsyncPolicy.ALWAYS)
        .withSnapshotIntervalNs(250_000_000L)
        .withJournalSegmentBytes(256 * 1024);
  }

  @Test
  void losesNoAcknowledgedChangeAcrossTwentyKills(@TempDir Path data) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Facts> acknowledged = new LinkedHashMap<>();
    long totalAcks = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> lines = runAndKill(data, round, 20 + random.nextInt(400));
      for (String line : lines) {
        String[] parts = line.split(" ");
        switch (parts[0]) {
          case "JOIN" -> acknowledged.put(parts[1], new Facts());
          case "SOLVED" -> acknowledged.get(parts[1]).solved.add(parts[2]);
          case "CLAIMED" -> acknowledged.get(parts[1]).claimed.add(parts[2]);
          case "HINT" -> acknowledged.get(parts[1]).hinted.add(parts[2]);
          case "READY" -> {}
          default -> throw new AssertionError("worker failed: " + line);
        }
        totalAcks++;
      }
      verify(data, acknowledged);
    }
    assertThat(totalAcks).as("acknowledged changes over all rounds").isGreaterThan(ROUNDS * 20L);
  }

  /** Starts a worker, lets it get {@code acks} acknowledgements, kills it with SIGKILL. */
  private static List<String> runAndKill(Path data, int round, int acks) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path stderr = data.resolveSibling(data.getFileName() + "-worker-" + round + ".err");
    Process process =
        new ProcessBuilder(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-XX:+UseZGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                KillTestWorker.class.getName(),
                data.toString(),
                Integer.toString(round))
            .redirectError(stderr.toFile())
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                      lines.add(line);
                    }
                  } catch (java.io.IOException e) {
                    // the process died mid-line: what was read is what was acknowledged
                  }
                });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines.size() < acks + 1 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(process.isAlive())
        .as(
            "worker still running when killed in round %d; its output: %s; its errors: %s",
            round, lines, Files.exists(stderr) ? Files.readString(stderr) : "")
        .isTrue();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
    assertThat(lines).as("round " + round + " started").contains("READY");
    return new ArrayList<>(lines);
  }

  /** Recovers the data directory in this process and checks every acknowledged fact. */
  private static void verify(Path data, Map<String, Facts> acknowledged) throws Exception {
    LocalClient client = new LocalClient();
    try (Engine engine = Engine.start(config(data), client, new SystemEpochClock())) {
      client.attach(engine);
      List<CompletableFuture<String>> states = new ArrayList<>();
      List<String> tokens = new ArrayList<>(acknowledged.keySet());
      for (String token : tokens) {
        LocalClient.Session s = client.open();
        CompletableFuture<String> resumed = s.resume(KillTestHunt.ID, token);
        states.add(resumed.thenCompose(r -> s.state()));
      }
      for (int i = 0; i < tokens.size(); i++) {
        JsonNode state = KillTestWorker.expectOk(states.get(i).get(30, TimeUnit.SECONDS));
        Facts facts = acknowledged.get(tokens.get(i));
        Set<String> solved = new HashSet<>();
        Map<String, Integer> hints = new LinkedHashMap<>();
        for (JsonNode p : state.path("hunt").path("puzzles")) {
          if (p.path("solved").asBoolean()) {
            solved.add(p.path("id").asText());
          }
          hints.put(p.path("id").asText(), p.path("hintsTaken").asInt());
        }
        Set<String> claimed = new HashSet<>();
        for (JsonNode t : state.path("hunt").path("treasures")) {
          if (t.path("claimed").asBoolean()) {
            claimed.add(t.path("id").asText());
          }
        }
        assertThat(solved).as("puzzles solved by " + tokens.get(i)).containsAll(facts.solved);
        assertThat(claimed).as("treasures claimed by " + tokens.get(i)).containsAll(facts.claimed);
        for (String p : facts.hinted) {
          assertThat(hints.get(p)).as("hints taken on " + p + " by " + tokens.get(i)).isPositive();
        }
      }
    }
  }

  private static final class Facts {
    final Set<String> solved = new HashSet<>();
    final Set<String> claimed = new HashSet<>();
    final Set<String> hinted = new HashSet<>();
  }
}
