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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The organiser's {@code HUNT_MAP} on the shard thread: one pass over every player's last position
 * into the density grid, plus the reply. It runs between player commands, so its time is how long
 * one dashboard map request holds the shard. Players are spread over about 450 m by 11 km (about
 * 2,000 cells of 50 m), the treasures of the test hunt plus 40.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
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
public class HuntMapBenchmark {
  private static final long T0 = 1_800_000_000_000L;

  @Param({"10000", "100000"})
  public int players;

  private ShardState shard;
  private final Egress egress = new Egress(1 << 20, 1024);
  private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(256);
  private int length;

  @Setup(Level.Trial)
  public void setUp() {
    shard =
        new ShardState(
            new EngineContext(
                0, "bench-secret".getBytes(StandardCharsets.UTF_8), new HuntDirectory()));
    String hunt = TestHunts.hunt().maxPlayers(players * 2).extraTreasures(40).text();
    ExpandableArrayBuffer setup = new ExpandableArrayBuffer(1 << 16);
    CommandEncoder e = new CommandEncoder();
    apply(Op.LOAD_HUNT, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).loadHunt("bench", hunt));
    apply(Op.START, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).lifecycle("harbor-run"));
    SplittableRandom random = new SplittableRandom(42);
    for (int p = 0; p < players; p++) {
      String team = p % 4 == 0 ? "" : "team-" + (p / 4);
      apply(
          Op.JOIN,
          setup,
          e.wrap(setup, 0).header(T0, 1, p, -1, -1).join("harbor-run", "player-" + p, team, ""));
      double lat = 59.3 + random.nextDouble() * 0.004;
      double lon = 18.0 + random.nextDouble() * 0.2;
      apply(Op.MOVE, setup, e.wrap(setup, 0).header(T0, 1, p, 0, p).move(lat, lon));
    }
    length = e.wrap(command, 0).header(T0 + 1_000, 1, 1, -1, -1).huntMap("harbor-run", 50, 0);
    shard.apply(Op.HUNT_MAP, command, 0, length, egress);
    String reply = egress.messageText(0);
    egress.clear();
    if (!reply.contains("\"positioned\":" + players + ",")) {
      throw new IllegalStateException(
          "the map does not count every player: " + reply.substring(0, 300));
    }
  }

  private void apply(int op, ExpandableArrayBuffer buffer, int bytes) {
    shard.apply(op, buffer, 0, bytes, egress);
    egress.clear();
  }

  @Benchmark
  public int huntMap() {
    shard.apply(Op.HUNT_MAP, command, 0, length, egress);
    int messages = egress.count();
    egress.clear();
    return messages;
  }
}
