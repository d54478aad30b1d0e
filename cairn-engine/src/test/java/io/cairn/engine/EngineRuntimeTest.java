package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.journal.JournalCorruptedException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shard runtime promises: durable before answered, never blocking, drained on close. */
class EngineRuntimeTest {
  private static final long WAIT_S = 10;

  private static EngineConfig config(Path data) {
    return EngineConfig.defaults(data).withShards(2);
  }

  private static LocalClient.Session startedHunt(LocalClient client) throws Exception {
    LocalClient.Session organiser = client.open();
    assertThat(
            organiser
                .loadHunt(KillTestHunt.ID, "kill.hunt.yaml", KillTestHunt.yaml())
                .get(WAIT_S, TimeUnit.SECONDS))
        .contains("\"ok\":true");
    assertThat(organiser.lifecycle(KillTestHunt.ID, Op.START).get(WAIT_S, TimeUnit.SECONDS))
        .contains("\"ok\":true");
    return organiser;
  }

  @Test
  void repliesToAChangeOnlyAfterItsJournalWriteWasForced(@TempDir Path data) throws Exception {
    AtomicLong fsyncsSeenAtReply = new AtomicLong(-1);
    long[] fsyncsBefore = new long[1];
    Engine[] engineRef = new Engine[1];
    LocalClient client = new LocalClient();
    EgressHandler watching =
        (shard, kind, connectionId, hunt, team, player, json, offset, length) -> {
          String text = json.getStringWithoutLengthUtf8(offset, length);
          if (kind == EgressHandler.REPLY && text.contains("\"correct\":true")) {
            fsyncsSeenAtReply.set(engineRef[0].shard(shard).journalMetrics().fsyncs());
          }
          client.onMessage(shard, kind, connectionId, hunt, team, player, json, offset, length);
        };
    try (Engine engine = Engine.start(config(data), watching, new SystemEpochClock())) {
      engineRef[0] = engine;
      client.attach(engine);
      startedHunt(client);
      LocalClient.Session player = client.open();
      player.join(KillTestHunt.ID, "ada", "").get(WAIT_S, TimeUnit.SECONDS);
      fsyncsBefore[0] = engine.shard(engine.shardOf(KillTestHunt.ID)).journalMetrics().fsyncs();
      String reply = player.guess("p3", "answer3").get(WAIT_S, TimeUnit.SECONDS);
      assertThat(reply).contains("\"correct\":true");
      assertThat(fsyncsSeenAtReply.get()).isGreaterThan(fsyncsBefore[0]);
    }
  }

  @Test
  void answersOverloadedInsteadOfBlockingWhenTheShardQueueIsFull(@TempDir Path data)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stalled = new CountDownLatch(1);
    LocalClient client = new LocalClient();
    EgressHandler stalling =
        (shard, kind, connectionId, hunt, team, player, json, offset, length) -> {
          if (kind == EgressHandler.REPLY && connectionId == 1) {
            stalled.countDown();
            awaitQuietly(release);
          }
          client.onMessage(shard, kind, connectionId, hunt, team, player, json, offset, length);
        };
    EngineConfig small =
        new EngineConfig(
            data,
            1,
            1024,
            io.cairn.engine.journal.FsyncPolicy.NEVER,
            0,
            1 << 20,
            1L << 40,
            1L << 40);
    try (Engine engine = Engine.start(small, stalling, new SystemEpochClock())) {
      client.attach(engine);
      LocalClient.Session first = client.open();
      CompletableFuture<String> firstPing = first.ping();
      assertThat(stalled.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
      ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
      int length =
          new CommandEncoder()
              .wrap(buffer, 0)
              .header(0, 99, 1, CommandLayout.NO_HUNT, CommandLayout.NO_PLAYER)
              .ping();
      int accepted = 0;
      long startNs = System.nanoTime();
      while (engine.offer(0, Op.PING, buffer, 0, length)) {
        accepted++;
      }
      assertThat(System.nanoTime() - startNs).isLessThan(TimeUnit.SECONDS.toNanos(5));
      assertThat(accepted).isPositive().isLessThan(1024);
      release.countDown();
      assertThat(firstPing.get(WAIT_S, TimeUnit.SECONDS)).contains("\"ok\":true");
    }
  }

  @Test
  void closeAnswersEverythingAlreadyQueued(@TempDir Path data) throws Exception {
    LocalClient client = new LocalClient();
    List<CompletableFuture<String>> replies = new ArrayList<>();
    Engine engine = Engine.start(config(data), client, new SystemEpochClock());
    client.attach(engine);
    startedHunt(client);
    LocalClient.Session player = client.open();
    player.join(KillTestHunt.ID, "grace", "").get(WAIT_S, TimeUnit.SECONDS);
    for (int i = 0; i < 500; i++) {
      replies.add(player.move(KillTestHunt.lat(i % 5), KillTestHunt.lon(i % 5)));
    }
    engine.close();
    for (CompletableFuture<String> reply : replies) {
      assertThat(reply).isCompleted();
      assertThat(reply.get()).contains("\"ok\":");
    }
    assertThat(engine.shard(engine.shardOf(KillTestHunt.ID)).metrics().commands())
        .as("load, start, join and 500 moves; ticks are not commands")
        .isEqualTo(503);
  }

  @Test
  void restartRecoversPlayersScoresAndClaims(@TempDir Path data) throws Exception {
    String token;
    String stateBefore;
    LocalClient client = new LocalClient();
    try (Engine engine = Engine.start(config(data), client, new SystemEpochClock())) {
      client.attach(engine);
      startedHunt(client);
      LocalClient.Session player = client.open();
      String joined = player.join(KillTestHunt.ID, "linus", "").get(WAIT_S, TimeUnit.SECONDS);
      token = KillTestWorker.parse(joined).get("token").asText();
      player.guess("p1", "answer1").get(WAIT_S, TimeUnit.SECONDS);
      player.move(KillTestHunt.lat(2), KillTestHunt.lon(2)).get(WAIT_S, TimeUnit.SECONDS);
      assertThat(player.claim("t2", "").get(WAIT_S, TimeUnit.SECONDS)).contains("\"ok\":true");
      stateBefore = player.state().get(WAIT_S, TimeUnit.SECONDS);
    }
    LocalClient again = new LocalClient();
    try (Engine engine = Engine.start(config(data), again, new SystemEpochClock())) {
      again.attach(engine);
      assertThat(engine.recovery().stream().mapToLong(r -> r.recordsReplayed()).sum()).isPositive();
      LocalClient.Session player = again.open();
      assertThat(player.resume(KillTestHunt.ID, token).get(WAIT_S, TimeUnit.SECONDS))
          .contains("\"ok\":true");
      String stateAfter = player.state().get(WAIT_S, TimeUnit.SECONDS);
      assertThat(withoutRequestId(stateAfter)).isEqualTo(withoutRequestId(stateBefore));
    }
  }

  @Test
  void refusesToStartOnAJournalDamagedInTheMiddle(@TempDir Path data) throws Exception {
    LocalClient client = new LocalClient();
    try (Engine engine = Engine.start(config(data), client, new SystemEpochClock())) {
      client.attach(engine);
      startedHunt(client);
      LocalClient.Session player = client.open();
      player.join(KillTestHunt.ID, "mallory", "").get(WAIT_S, TimeUnit.SECONDS);
      for (int i = 0; i < 50; i++) {
        player.move(KillTestHunt.lat(i % 3), KillTestHunt.lon(i % 3)).get(WAIT_S, TimeUnit.SECONDS);
      }
    }
    int shard = Engine.shardOf(KillTestHunt.ID, 2);
    Path segment;
    try (Stream<Path> files = Files.list(data.resolve("shard-" + shard).resolve("journal"))) {
      segment = files.sorted().findFirst().orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      long middle = file.length() / 2;
      file.seek(middle);
      int b = file.read();
      file.seek(middle);
      file.write(b ^ 0x5a);
    }
    assertThatThrownBy(() -> Engine.start(config(data), new LocalClient(), new SystemEpochClock()))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining(segment.getFileName().toString());
  }

  @Test
  void keepsTheShardCountTheDataDirectoryWasCreatedWith(@TempDir Path data) {
    try (Engine engine = Engine.start(config(data), new LocalClient(), new SystemEpochClock())) {
      assertThat(engine.shardCount()).isEqualTo(2);
    }
    try (Engine engine =
        Engine.start(config(data).withShards(3), new LocalClient(), new SystemEpochClock())) {
      assertThat(engine.shardCount()).isEqualTo(2);
    }
  }

  @Test
  void routesAHuntToTheSameShardAsStringHashCode() {
    for (String id : List.of("harbor-run", "a", "kill-test", "zz-top-99")) {
      assertThat(Engine.shardOf(id, 7)).isEqualTo((id.hashCode() & 0x7fffffff) % 7);
    }
  }

  private static String withoutRequestId(String json) {
    return json.replaceFirst("\"re\":\\d+", "\"re\":0");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
