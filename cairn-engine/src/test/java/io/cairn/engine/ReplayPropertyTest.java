package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.ShardState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism, the foundation of recovery: for random streams of every kind of command (players
 * joining, moving, guessing right, wrong and partly, claiming, taking hints; organisers pausing,
 * announcing, reloading; time passing the hunt's start and end), the state rebuilt from the journal
 * (and from a snapshot plus the tail) is byte for byte the state the live engine had. Each seed
 * ({@link RandomInputs}) seeds one random play.
 */
class ReplayPropertyTest {
  /** A snapshot interval the play never reaches: recovery must come from the journal alone. */
  private static final long NEVER_NS = Long.MAX_VALUE;

  private static final long STARTS_AT_MS = Instant.parse("2026-12-01T18:00:00Z").toEpochMilli();

  /** Seeds 1 to 12, one random play each. */
  static LongStream journalSeeds() {
    return RandomInputs.seeds(12);
  }

  /** Seeds 1 to 6, one random play each, with a snapshot interval of 1 ns. */
  static LongStream snapshotSeeds() {
    return RandomInputs.seeds(6);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("journalSeeds")
  void replayingTheJournalRebuildsTheLiveState(long seed) throws Exception {
    checkReplay(seed, NEVER_NS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("snapshotSeeds")
  void snapshotPlusTailRebuildsTheLiveState(long seed) throws Exception {
    checkReplay(seed, 1L);
  }

  private static void checkReplay(long seed, long snapshotIntervalNs) throws Exception {
    Path data = Files.createTempDirectory("cairn-replay");
    try {
      EngineConfig config =
          EngineConfig.defaults(data)
              .withShards(2)
              .withSnapshotIntervalNs(snapshotIntervalNs)
              .withJournalSegmentBytes(64 * 1024);
      CachedEpochClock clock = new CachedEpochClock();
      clock.update(STARTS_AT_MS - 60_000);
      List<byte[]> live;
      LocalClient client = new LocalClient();
      Engine engine = Engine.start(config, client, clock);
      try {
        client.attach(engine);
        RandomPlay play = new RandomPlay(seed, client, clock);
        play.run();
        assertThat(play.correctGuesses + play.claims)
            .as("changes the random play made (correct guesses and claims)")
            .isPositive();
      } finally {
        engine.close();
      }
      live = states(engine);
      LocalClient again = new LocalClient();
      List<byte[]> recovered;
      Engine restarted = Engine.start(config, again, clock);
      restarted.close();
      if (snapshotIntervalNs == NEVER_NS) {
        assertThat(restarted.recovery())
            .as("recovered from the journal alone")
            .allMatch(r -> r.snapshotPosition() == 0);
      }
      assertThat(
              restarted.recovery().stream()
                  .mapToLong(r -> r.recordsReplayed() + r.snapshotPosition())
                  .sum())
          .as("records replayed or covered by a snapshot")
          .isPositive();
      recovered = states(restarted);
      for (int shard = 0; shard < live.size(); shard++) {
        assertThat(recovered.get(shard))
            .as(
                "shard %d state, first difference at byte %d of %d",
                shard,
                Arrays.mismatch(recovered.get(shard), live.get(shard)),
                live.get(shard).length)
            .isEqualTo(live.get(shard));
      }
    } finally {
      deleteTree(data);
    }
  }

  private static List<byte[]> states(Engine engine) throws IOException {
    List<byte[]> states = new ArrayList<>();
    for (int i = 0; i < engine.shardCount(); i++) {
      ShardState state = engine.shard(i).stateAfterClose();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        state.writeSnapshot(out);
      }
      states.add(bytes.toByteArray());
    }
    return states;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A seeded player population and organiser, pipelining commands in rounds. */
  static final class RandomPlay {
    static final String[] HUNTS = {"replay-a", "replay-b", "replay-c"};

    private final SplittableRandom random;
    private final LocalClient client;
    private final CachedEpochClock clock;
    private final List<LocalClient.Session> players = new ArrayList<>();
    private final List<String> playerHunts = new ArrayList<>();
    int correctGuesses;
    int claims;

    RandomPlay(long seed, LocalClient client, CachedEpochClock clock) {
      this.random = new SplittableRandom(seed);
      this.client = client;
      this.clock = clock;
    }

    void run() throws Exception {
      LocalClient.Session organiser = client.open();
      for (String hunt : HUNTS) {
        await(List.of(organiser.loadHunt(hunt, hunt + ".hunt.yaml", ReplayHunt.yaml(hunt, false))));
      }
      await(List.of(organiser.lifecycle("replay-c", Op.START)));
      int rounds = 20 + random.nextInt(30);
      for (int round = 0; round < rounds; round++) {
        List<CompletableFuture<String>> replies = new ArrayList<>();
        int joins = 1 + random.nextInt(4);
        for (int j = 0; j < joins; j++) {
          LocalClient.Session s = client.open();
          String hunt = HUNTS[random.nextInt(HUNTS.length)];
          String team = random.nextInt(3) == 0 ? "team" + random.nextInt(5) : "";
          CompletableFuture<String> joined = s.join(hunt, "p" + round + "-" + j, team);
          joined.get(10, TimeUnit.SECONDS);
          if (s.joined()) {
            players.add(s);
            playerHunts.add(hunt);
          }
        }
        for (int c = 0; c < 40 && !players.isEmpty(); c++) {
          int who = random.nextInt(players.size());
          replies.add(randomCommand(players.get(who)));
        }
        replies.add(randomOrganiserCommand(organiser));
        for (CompletableFuture<String> reply : replies) {
          String json = reply.get(10, TimeUnit.SECONDS);
          if (json.contains("\"correct\":true")) {
            correctGuesses++;
          } else if (json.contains("\"first\":")) {
            claims++;
          }
        }
        clock.advance(random.nextInt(400_000));
        Thread.sleep(1);
      }
      clock.advance(3 * 3_600_000L);
      List<CompletableFuture<String>> last = new ArrayList<>();
      for (String hunt : HUNTS) {
        // a journaled command per hunt applies the transitions due by now (the end), so the
        // restarted engine's first tick, at the same time, finds nothing left to do
        last.add(organiser.announce(hunt, "the end"));
      }
      await(last);
    }

    private CompletableFuture<String> randomCommand(LocalClient.Session s) {
      int t = random.nextInt(ReplayHunt.TREASURES);
      int p = random.nextInt(ReplayHunt.PUZZLES);
      return switch (random.nextInt(11)) {
        case 0 -> s.move(ReplayHunt.lat(t) + jitter(), ReplayHunt.lon(t) + jitter());
        case 1 -> s.move(random.nextDouble(-80, 80), random.nextDouble(-170, 170));
        case 2 -> s.scan();
        case 3 -> s.guess("p" + p, "Answer " + p + "!");
        case 4 -> s.guess("p" + p, random.nextBoolean() ? "close" + p : "nope");
        case 5 -> {
          s.move(ReplayHunt.lat(t), ReplayHunt.lon(t));
          yield s.claim("t" + t, random.nextInt(4) > 0 ? "CODE-" + t : "bad");
        }
        case 6 -> s.hint("p" + p);
        case 7 -> s.board(1 + random.nextInt(20));
        case 8 -> s.state();
        case 9 -> s.guess("unknown", "x");
        default -> s.ping();
      };
    }

    private CompletableFuture<String> randomOrganiserCommand(LocalClient.Session organiser) {
      String hunt = HUNTS[random.nextInt(HUNTS.length)];
      return switch (random.nextInt(8)) {
        case 0 -> organiser.lifecycle(hunt, Op.PAUSE);
        case 1 -> organiser.lifecycle(hunt, Op.RESUME);
        case 2 -> organiser.announce(hunt, "announcement " + random.nextInt(100));
        case 3 ->
            organiser.reloadHunt(
                hunt, hunt + ".hunt.yaml", ReplayHunt.yaml(hunt, random.nextBoolean()), false);
        default -> organiser.ping();
      };
    }

    private double jitter() {
      return random.nextDouble(-0.0001, 0.0001);
    }

    private static void await(List<CompletableFuture<String>> replies) throws Exception {
      for (CompletableFuture<String> r : replies) {
        r.get(10, TimeUnit.SECONDS);
      }
    }
  }
}
