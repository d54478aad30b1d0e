package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
  private final RequestReader reader = new RequestReader();

  private boolean read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  private boolean read(byte[] bytes) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    try {
      return reader.read(buf);
    } finally {
      buf.release();
    }
  }

  @Test
  void readsAJoinWithEscapesAndUnicode() {
    assertThat(
            read(
                "{ \"id\": 42, \"op\": \"join\", \"hunt\": \"harbor-run\","
                    + " \"name\": \"Zo\\u00eb \\\"Z\\\"\", \"team\": \"Ål 🐟\", \"x\": [1, {\"y\": null}]}"))
        .isTrue();
    assertThat(reader.id()).isEqualTo(42);
    assertThat(reader.op()).isEqualTo(Op.JOIN);
    assertThat(reader.hunt()).hasToString("harbor-run");
    assertThat(reader.name.toString()).isEqualTo("Zoë \"Z\"");
    assertThat(reader.team.toString()).isEqualTo("Ål 🐟");
    assertThat(reader.badArgument()).isNull();
  }

  @Test
  void decodesAGuessWithoutAllocating() {
    ByteBuf frame =
        Unpooled.directBuffer()
            .writeBytes(
                "{\"id\":123456,\"op\":\"guess\",\"puzzle\":\"lighthouse\",\"answer\":\"Fresnel lens\"}"
                    .getBytes(StandardCharsets.UTF_8));
    ExpandableArrayBuffer out = new ExpandableArrayBuffer(256);
    CommandEncoder encoder = new CommandEncoder();
    var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    int rounds = 200_000;
    long before = 0;
    for (int i = 0; i < 2 * rounds; i++) {
      if (i == rounds) {
        before = threads.getThreadAllocatedBytes(thread);
      }
      reader.read(frame);
      encoder.wrap(out, 0).header(1L, 2L, reader.id(), 0, 0).guess(reader.puzzle, reader.answer);
    }
    long perRequest = (threads.getThreadAllocatedBytes(thread) - before) / rounds;
    frame.release();
    assertThat(perRequest).as("bytes allocated per decoded request").isLessThan(8);
  }

  @Test
  void readsNumbersExactly() {
    assertThat(read("{\"id\":1,\"op\":\"move\",\"lat\":59.3251,\"lon\":-18.0711e0}")).isTrue();
    assertThat(reader.lat).isEqualTo(59.3251);
    assertThat(reader.lon).isEqualTo(-18.0711);
    assertThat(read("{\"id\":1,\"op\":\"move\",\"lat\":0.12345678901234567890,\"lon\":1e300}"))
        .isTrue();
    assertThat(reader.lat).isEqualTo(0.12345678901234567890);
    assertThat(reader.lon).isEqualTo(1e300);
  }

  @Test
  void rejectsMalformedJsonButKeepsTheIdWhenReadable() {
    assertThat(read("{\"id\":5,\"op\":")).isFalse();
    assertThat(reader.hasId()).isTrue();
    assertThat(reader.id()).isEqualTo(5);
    assertThat(read("not json")).isFalse();
    assertThat(reader.hasId()).isFalse();
    assertThat(read("{\"id\":1} {}")).isFalse();
    assertThat(read("{\"id\":01}")).isFalse();
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = "{\"id\":1,\"op\":\"ping\",\"name\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
    int at = "{\"id\":1,\"op\":\"ping\",\"name\":\"".length();
    bytes[at] = (byte) 0xC3;
    bytes[at + 1] = (byte) 0x28;
    assertThat(read(bytes)).isFalse();
    assertThat(reader.error()).contains("UTF-8");
  }

  @Test
  void recordsUnknownOpsAndWrongTypes() {
    assertThat(read("{\"id\":1,\"op\":\"dance\"}")).isTrue();
    assertThat(reader.hasOp()).isTrue();
    assertThat(reader.op()).isZero();
    assertThat(read("{\"id\":1,\"op\":\"move\",\"lat\":\"north\",\"lon\":2}")).isTrue();
    assertThat(reader.badArgument()).isEqualTo("lat must be a number");
    assertThat(read("{\"id\":1,\"op\":\"guess\",\"puzzle\":7}")).isTrue();
    assertThat(reader.badArgument()).isEqualTo("puzzle must be a string");
    assertThat(read("{\"id\":\"7\",\"op\":\"ping\"}")).isTrue();
    assertThat(reader.hasId()).isFalse();
    assertThat(read("{\"id\":1.5,\"op\":\"ping\"}")).isTrue();
    assertThat(reader.hasId()).isFalse();
    assertThat(read("{\"id\":9007199254740993,\"op\":\"ping\"}")).isTrue();
    assertThat(reader.hasId()).isFalse();
    assertThat(read("{\"id\":3,\"op\":\"join\",\"token\":\"t\",\"team\":null}")).isTrue();
    assertThat(reader.badArgument()).isNull();
    assertThat(reader.hasTeam).isFalse();
  }
}
