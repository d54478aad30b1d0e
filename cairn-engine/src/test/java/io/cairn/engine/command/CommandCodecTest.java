package io.cairn.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
  private final CommandEncoder encoder = new CommandEncoder();
  private final CommandDecoder decoder = new CommandDecoder();

  @Test
  void roundTripsTheHeader() {
    int length = encoder.wrap(buffer, 8).header(1_700_000_000_123L, 42L, 7L, 3, 99).ping();

    assertThat(length).isEqualTo(CommandLayout.HEADER_LENGTH);
    assertThat(decoder.wrap(Op.PING, buffer, 8, length)).isTrue();
    assertThat(decoder.timestampMs()).isEqualTo(1_700_000_000_123L);
    assertThat(decoder.connectionId()).isEqualTo(42L);
    assertThat(decoder.requestId()).isEqualTo(7L);
    assertThat(decoder.huntNumber()).isEqualTo(3);
    assertThat(decoder.playerIdx()).isEqualTo(99);
  }

  @Test
  void writesTheHeaderLittleEndian() {
    encoder.wrap(buffer, 0).header(1L, 2L, 3L, 4, 5).state();

    assertThat(buffer.getByte(0)).isEqualTo((byte) 1);
    assertThat(buffer.getByte(8)).isEqualTo((byte) 2);
    assertThat(buffer.getByte(16)).isEqualTo((byte) 3);
    assertThat(buffer.getByte(24)).isEqualTo((byte) 4);
    assertThat(buffer.getByte(28)).isEqualTo((byte) 5);
  }

  @Test
  void roundTripsJoinWithNonAsciiAndEmptyStrings() {
    int length =
        encoder.wrap(buffer, 0).header(1, 2, 3, -1, -1).join("harbor-run", "Zoë 🦊", "", "");

    assertThat(decoder.wrap(Op.JOIN, buffer, 0, length)).isTrue();
    assertThat(decoder.huntId().toString()).isEqualTo("harbor-run");
    assertThat(decoder.name().toString()).isEqualTo("Zoë 🦊");
    assertThat(decoder.team()).isEmpty();
    assertThat(decoder.token()).isEmpty();
  }

  @Test
  void roundTripsEveryOpBody() {
    int length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).move(59.3251, -18.0711);
    assertThat(decoder.wrap(Op.MOVE, buffer, 0, length)).isTrue();
    assertThat(decoder.lat()).isEqualTo(59.3251);
    assertThat(decoder.lon()).isEqualTo(-18.0711);

    length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).guess("lighthouse", "Fresnel lens");
    assertThat(decoder.wrap(Op.GUESS, buffer, 0, length)).isTrue();
    assertThat(decoder.puzzleId().toString()).isEqualTo("lighthouse");
    assertThat(decoder.answer().toString()).isEqualTo("Fresnel lens");

    length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).claim("old-anchor", "ANCHOR-7731");
    assertThat(decoder.wrap(Op.CLAIM, buffer, 0, length)).isTrue();
    assertThat(decoder.treasureId().toString()).isEqualTo("old-anchor");
    assertThat(decoder.code().toString()).isEqualTo("ANCHOR-7731");

    length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).hint("lighthouse");
    assertThat(decoder.wrap(Op.HINT, buffer, 0, length)).isTrue();
    assertThat(decoder.puzzleId().toString()).isEqualTo("lighthouse");

    length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).board(25);
    assertThat(decoder.wrap(Op.BOARD, buffer, 0, length)).isTrue();
    assertThat(decoder.limit()).isEqualTo(25);

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).loadHunt("a.hunt.yaml", "id: a\n");
    assertThat(decoder.wrap(Op.LOAD_HUNT, buffer, 0, length)).isTrue();
    assertThat(decoder.sourceName().toString()).isEqualTo("a.hunt.yaml");
    assertThat(decoder.sourceText().toString()).isEqualTo("id: a\n");

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).reloadHunt("b", "id: b\n", true);
    assertThat(decoder.wrap(Op.RELOAD_HUNT, buffer, 0, length)).isTrue();
    assertThat(decoder.sourceName().toString()).isEqualTo("b");
    assertThat(decoder.sourceText().toString()).isEqualTo("id: b\n");
    assertThat(decoder.force()).isTrue();

    for (int op : new int[] {Op.START, Op.PAUSE, Op.RESUME, Op.END}) {
      length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).lifecycle("harbor-run");
      assertThat(decoder.wrap(op, buffer, 0, length)).isTrue();
      assertThat(decoder.huntId().toString()).isEqualTo("harbor-run");
    }

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).announce("h", "Back in 5\n\"min\"");
    assertThat(decoder.wrap(Op.ANNOUNCE, buffer, 0, length)).isTrue();
    assertThat(decoder.huntId().toString()).isEqualTo("h");
    assertThat(decoder.message().toString()).isEqualTo("Back in 5\n\"min\"");

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).huntBoard("harbor-run", 25);
    assertThat(decoder.wrap(Op.HUNT_BOARD, buffer, 0, length)).isTrue();
    assertThat(decoder.huntId().toString()).isEqualTo("harbor-run");
    assertThat(decoder.limit()).isEqualTo(25);
    assertThat(decoder.wrap(Op.HUNT_BOARD, buffer, 0, length - 1)).isFalse();
    assertThat(Op.isKnown(Op.HUNT_BOARD)).isTrue();
    assertThat(Op.name(Op.HUNT_BOARD)).isEqualTo("HUNT_BOARD");

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).huntMap("harbor-run", 75, 600);
    assertThat(decoder.wrap(Op.HUNT_MAP, buffer, 0, length)).isTrue();
    assertThat(decoder.huntId().toString()).isEqualTo("harbor-run");
    assertThat(decoder.cellM()).isEqualTo(75);
    assertThat(decoder.maxAgeS()).isEqualTo(600);
    assertThat(decoder.wrap(Op.HUNT_MAP, buffer, 0, length - 1)).isFalse();
    assertThat(Op.isKnown(Op.HUNT_MAP)).isTrue();
    assertThat(Op.name(Op.HUNT_MAP)).isEqualTo("HUNT_MAP");

    length = encoder.wrap(buffer, 0).header(1, 0, 0, -1, -1).tick();
    assertThat(decoder.wrap(Op.TICK, buffer, 0, length)).isTrue();
  }

  @Test
  void reusesStringBuildersAcrossCommands() {
    int length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).guess("a-long-puzzle-id", "x");
    decoder.wrap(Op.GUESS, buffer, 0, length);
    StringBuilder first = decoder.puzzleId();
    length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).guess("b", "y");
    decoder.wrap(Op.GUESS, buffer, 0, length);

    assertThat(decoder.puzzleId()).isSameAs(first);
    assertThat(decoder.puzzleId().toString()).isEqualTo("b");
  }

  @Test
  void rejectsTruncatedCommands() {
    int length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).guess("lighthouse", "fresnel");

    assertThat(decoder.wrap(Op.GUESS, buffer, 0, length - 1)).isFalse();
    assertThat(decoder.wrap(Op.GUESS, buffer, 0, 20)).isFalse();
    assertThat(decoder.wrap(Op.MOVE, buffer, 0, CommandLayout.HEADER_LENGTH + 8)).isFalse();
  }

  @Test
  void rejectsNegativeStringLengthAndInvalidUtf8() {
    UnsafeBuffer raw = new UnsafeBuffer(new byte[64]);
    encoder.wrap(raw, 0).header(1, 2, 3, 0, 1);
    raw.putInt(CommandLayout.HEADER_LENGTH, -5, java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(decoder.wrap(Op.HINT, raw, 0, 64)).isFalse();

    raw.putInt(CommandLayout.HEADER_LENGTH, 2, java.nio.ByteOrder.LITTLE_ENDIAN);
    raw.putByte(CommandLayout.HEADER_LENGTH + 4, (byte) 0xC3);
    raw.putByte(CommandLayout.HEADER_LENGTH + 5, (byte) 0x41);
    assertThat(decoder.wrap(Op.HINT, raw, 0, 64)).isFalse();
  }

  @Test
  void rejectsUnknownOps() {
    int length = encoder.wrap(buffer, 0).header(1, 2, 3, 0, 1).ping();

    assertThat(decoder.wrap(99, buffer, 0, length)).isFalse();
    assertThat(Op.isKnown(99)).isFalse();
    assertThat(Op.isKnown(Op.TICK)).isTrue();
  }

  @Test
  void stampsTheTimeOfAnEncodedCommand() {
    int length = encoder.wrap(buffer, 0).header(0, 2, 3, 0, 1).scan();
    CommandEncoder.stampTimestamp(buffer, 0, 12345L);

    decoder.wrap(Op.SCAN, buffer, 0, length);
    assertThat(decoder.timestampMs()).isEqualTo(12345L);
  }
}
