package io.cairn.bench.engine;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.hunt.EngineContext;
import io.cairn.engine.hunt.HuntDirectory;
import io.cairn.engine.hunt.ShardState;
import io.cairn.engine.hunt.TestHunts;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One shard thread applying pre-encoded player commands, as it does between two journal flushes: a
 * realistic mix (40% move, 25% scan, 15% wrong guess within the rate limit, 10% board, 10% state)
 * from thousands of players, replies written to the egress, no journal. Each invocation is one
 * batch of {@value #BATCH} commands followed by the egress being cleared, as after a flush. Target:
 * at least 2,000,000 commands/s and about 0 B/op under {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--sun-misc-unsafe-memory-access=allow",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "-XX:+UseZGC",
      "-Xmx2g"
    })
public class EngineApplyBenchmark {
  static final int BATCH = 256;
  private static final int COMMANDS = 1 << 16;
  private static final long T0 = 1_800_000_000_000L;

  @Param({"5000"})
  public int players;

  private ShardState shard;
  private final Egress egress = new Egress(1 << 20, 1024);
  private final ExpandableDirectByteBuffer commands = new ExpandableDirectByteBuffer(1 << 22);
  private final int[] ops = new int[COMMANDS];
  private final int[] offsets = new int[COMMANDS];
  private final int[] lengths = new int[COMMANDS];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    shard =
        new ShardState(
            new EngineContext(
                0, "bench-secret".getBytes(StandardCharsets.UTF_8), new HuntDirectory()));
    String hunt =
        TestHunts.hunt()
            .guessesPerMinute(1_000_000)
            .maxPlayers(players * 2)
            .scanRadiusM(100)
            .extraTreasures(40)
            .text();
    ExpandableArrayBuffer setup = new ExpandableArrayBuffer(1 << 16);
    CommandEncoder e = new CommandEncoder();
    apply(Op.LOAD_HUNT, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).loadHunt("bench", hunt));
    apply(Op.START, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).lifecycle("harbor-run"));

    SplittableRandom random = new SplittableRandom(42);
    double[] lats = new double[players];
    double[] lons = new double[players];
    for (int p = 0; p < players; p++) {
      String team = p % 4 == 0 ? "" : "team-" + (p / 4);
      apply(
          Op.JOIN,
          setup,
          e.wrap(setup, 0).header(T0, 1, p, -1, -1).join("harbor-run", "player-" + p, team, ""));
      lats[p] = 59.3 + random.nextDouble() * 0.004;
      lons[p] = 18.0 + random.nextDouble() * 0.2;
      apply(Op.MOVE, setup, e.wrap(setup, 0).header(T0, 1, p, 0, p).move(lats[p], lons[p]));
    }

    int at = 0;
    for (int i = 0; i < COMMANDS; i++) {
      int p = random.nextInt(players);
      int roll = random.nextInt(100);
      e.wrap(commands, at).header(T0 + 1_000, 1 + p, i, 0, p);
      int length;
      if (roll < 45) {
        ops[i] = Op.MOVE;
        length =
            e.move(lats[p] + random.nextDouble() * 0.0001, lons[p] + random.nextDouble() * 0.0001);
      } else if (roll < 70) {
        ops[i] = Op.SCAN;
        length = e.scan();
      } else if (roll < 85) {
        ops[i] = Op.GUESS;
        length = e.guess(random.nextBoolean() ? "lighthouse" : "tide", "Wrong Answer " + (i % 7));
      } else if (roll < 95) {
        ops[i] = Op.BOARD;
        length = e.board(10);
      } else {
        ops[i] = Op.STATE;
        length = e.state();
      }
      offsets[i] = at;
      lengths[i] = length;
      at += length;
    }
  }

  private void apply(int op, ExpandableArrayBuffer buffer, int length) {
    shard.apply(op, buffer, 0, length, egress);
    egress.clear();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int applyBatch() {
    int journaled = 0;
    int i = next;
    for (int n = 0; n < BATCH; n++) {
      if (shard.apply(ops[i], commands, offsets[i], lengths[i], egress)) {
        journaled++;
      }
      i = (i + 1) & (COMMANDS - 1);
    }
    next = i;
    egress.clear();
    return journaled;
  }
}
