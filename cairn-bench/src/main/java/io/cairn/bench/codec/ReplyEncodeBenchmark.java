package io.cairn.bench.codec;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.hunt.EngineContext;
import io.cairn.engine.hunt.HuntDirectory;
import io.cairn.engine.hunt.ShardState;
import io.cairn.engine.hunt.TestHunts;
import io.cairn.server.WsFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
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
 * Encoding each kind of reply and event, end to end on the way out: the shard applies a command
 * whose work is small (so the JSON writing dominates) and writes its reply (and, for {@code
 * announce}, a hunt event) into the egress; each message is then copied into a direct buffer and
 * framed as a WebSocket text frame in place, as the gateway's reply outbox and fan-out do. The
 * buffer is reused here: taking a pooled buffer costs nothing on an event loop (Netty recycles
 * buffer objects there, not on the benchmark's thread), which {@code ReplyPathAllocation} measures
 * end to end. The reply of {@code error} is UNKNOWN_PUZZLE. Target: about 0 B/op under {@code -prof
 * gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--sun-misc-unsafe-memory-access=allow",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "-XX:+UseZGC",
      "-Xmx1g"
    })
public class ReplyEncodeBenchmark implements EgressHandler {
  private static final long T0 = 1_800_000_000_000L;

  @Param({"ping", "move", "scan", "board", "state", "error", "announce"})
  public String kind;

  private final ByteBuf out = Unpooled.directBuffer(1 << 16);
  private final Egress egress = new Egress(1 << 16, 64);
  private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(1024);
  private final UnsafeBuffer copyTarget = new UnsafeBuffer(0, 0);
  private ShardState shard;
  private int op;
  private int length;
  private int framedBytes;

  @Setup(Level.Trial)
  public void setUp() {
    shard =
        new ShardState(
            new EngineContext(
                0, "bench-secret".getBytes(StandardCharsets.UTF_8), new HuntDirectory()));
    ExpandableArrayBuffer setup = new ExpandableArrayBuffer(1 << 16);
    CommandEncoder e = new CommandEncoder();
    String hunt = TestHunts.hunt().scanRadiusM(500).extraTreasures(5).text();
    apply(Op.LOAD_HUNT, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).loadHunt("bench", hunt));
    apply(Op.START, setup, e.wrap(setup, 0).header(T0, 1, 0, -1, -1).lifecycle("harbor-run"));
    for (int p = 0; p < 10; p++) {
      apply(
          Op.JOIN,
          setup,
          e.wrap(setup, 0).header(T0, 1, p, -1, -1).join("harbor-run", "player-" + p, "", ""));
    }
    apply(
        Op.MOVE,
        setup,
        e.wrap(setup, 0).header(T0, 1, 0, 0, 0).move(TestHunts.ANCHOR_LAT, TestHunts.ANCHOR_LON));
    e.wrap(command, 0).header(T0 + 1_000, 1L << 40, 42, 0, 0);
    switch (kind) {
      case "ping" -> {
        op = Op.PING;
        length = e.ping();
      }
      case "move" -> {
        op = Op.MOVE;
        length = e.move(TestHunts.ANCHOR_LAT, TestHunts.ANCHOR_LON);
      }
      case "scan" -> {
        op = Op.SCAN;
        length = e.scan();
      }
      case "board" -> {
        op = Op.BOARD;
        length = e.board(10);
      }
      case "state" -> {
        op = Op.STATE;
        length = e.state();
      }
      case "error" -> {
        op = Op.GUESS;
        length = e.guess("no-such-puzzle", "x");
      }
      case "announce" -> {
        e.wrap(command, 0).header(T0 + 1_000, 1, 42, -1, -1);
        op = Op.ANNOUNCE;
        length = e.announce("harbor-run", "Pizza at the lighthouse");
      }
      default -> throw new IllegalArgumentException(kind);
    }
    if (encode() == 0) {
      throw new IllegalStateException(kind + " wrote nothing");
    }
  }

  private void apply(int setupOp, ExpandableArrayBuffer buffer, int setupLength) {
    shard.apply(setupOp, buffer, 0, setupLength, egress);
    egress.clear();
  }

  /** Applies the command, then frames every message it wrote; returns the framed bytes. */
  @Benchmark
  public int encode() {
    framedBytes = 0;
    shard.apply(op, command, 0, length, egress);
    egress.drainTo(0, this);
    egress.clear();
    return framedBytes;
  }

  @Override
  public void onMessage(
      int shardIndex,
      int messageKind,
      long connectionId,
      int huntNumber,
      int teamIdx,
      int playerIdx,
      DirectBuffer json,
      int offset,
      int messageLength) {
    out.clear().writerIndex(WsFrames.HEADROOM).readerIndex(WsFrames.HEADROOM);
    out.ensureWritable(messageLength);
    copyTarget.wrap(out.memoryAddress() + out.writerIndex(), messageLength);
    json.getBytes(offset, copyTarget, 0, messageLength);
    out.writerIndex(out.writerIndex() + messageLength);
    WsFrames.frame(out);
    framedBytes += out.readableBytes();
  }
}
