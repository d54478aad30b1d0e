package io.cairn.bench.codec;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.cairn.server.RequestReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one request of each kind as the gateway does on an event loop: {@link RequestReader}
 * over the frame's bytes (a direct buffer, as Netty hands it over), then the command encoder into
 * the binary command the shard reads. Target: about 0 B/op under {@code -prof gc}.
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
public class RequestDecodeBenchmark {
  private static final Map<String, String> REQUESTS =
      Map.of(
          "join",
              "{\"id\":1,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Ada\",\"team\":\"Gulls\"}",
          "state", "{\"id\":2,\"op\":\"state\"}",
          "move", "{\"id\":3,\"op\":\"move\",\"lat\":59.3252,\"lon\":18.0712}",
          "scan", "{\"id\":4,\"op\":\"scan\"}",
          "guess",
              "{\"id\":5,\"op\":\"guess\",\"puzzle\":\"lighthouse\",\"answer\":\"Fresnel Lens!\"}",
          "claim",
              "{\"id\":6,\"op\":\"claim\",\"treasure\":\"old-anchor\",\"code\":\"anchor-7731\"}",
          "hint", "{\"id\":7,\"op\":\"hint\",\"puzzle\":\"lighthouse\"}",
          "board", "{\"id\":8,\"op\":\"board\",\"limit\":5}",
          "ping", "{\"id\":9,\"op\":\"ping\"}");

  @Param({"join", "state", "move", "scan", "guess", "claim", "hint", "board", "ping"})
  public String kind;

  private final RequestReader reader = new RequestReader();
  private final CommandEncoder encoder = new CommandEncoder();
  private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(1024);
  private ByteBuf frame;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] bytes = REQUESTS.get(kind).getBytes(StandardCharsets.UTF_8);
    frame = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    if (decode() <= 0) {
      throw new IllegalStateException("not decoded: " + REQUESTS.get(kind));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.release();
  }

  @Benchmark
  public int decode() {
    if (!reader.read(frame) || reader.badArgument() != null) {
      throw new IllegalStateException(reader.error());
    }
    encoder.wrap(command, 0);
    if (reader.op() == Op.JOIN) {
      reader.joinHunt();
      encoder.header(1L, 1L << 40, reader.id(), CommandLayout.NO_HUNT, CommandLayout.NO_PLAYER);
    } else {
      encoder.header(1L, 1L << 40, reader.id(), 0, 0);
    }
    return reader.encodeBody(encoder);
  }
}
