package io.cairn.engine.command;

import static io.cairn.engine.command.CommandLayout.CONNECTION_ID_OFFSET;
import static io.cairn.engine.command.CommandLayout.HEADER_LENGTH;
import static io.cairn.engine.command.CommandLayout.HUNT_NUMBER_OFFSET;
import static io.cairn.engine.command.CommandLayout.PLAYER_IDX_OFFSET;
import static io.cairn.engine.command.CommandLayout.REQUEST_ID_OFFSET;
import static io.cairn.engine.command.CommandLayout.TIMESTAMP_OFFSET;

import java.nio.ByteOrder;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight that writes commands in the {@link CommandLayout} into a buffer the caller owns.
 * Allocation-free: strings are encoded to UTF-8 char by char. Use: {@code encoder.wrap(buffer,
 * offset).header(...)} then one op method, which returns the command's total length (header
 * included). Buffers that are not expandable must have room for the command.
 */
public final class CommandEncoder {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private MutableDirectBuffer buffer;
  private int offset;

  public CommandEncoder wrap(MutableDirectBuffer buffer, int offset) {
    this.buffer = buffer;
    this.offset = offset;
    return this;
  }

  public CommandEncoder header(
      long timestampMs, long connectionId, long requestId, int huntNumber, int playerIdx) {
    buffer.putLong(offset + TIMESTAMP_OFFSET, timestampMs, LE);
    buffer.putLong(offset + CONNECTION_ID_OFFSET, connectionId, LE);
    buffer.putLong(offset + REQUEST_ID_OFFSET, requestId, LE);
    buffer.putInt(offset + HUNT_NUMBER_OFFSET, huntNumber, LE);
    buffer.putInt(offset + PLAYER_IDX_OFFSET, playerIdx, LE);
    return this;
  }

  /** Overwrites the time of an already encoded command: the shard stamps it at entry. */
  public static void stampTimestamp(MutableDirectBuffer buffer, int offset, long timestampMs) {
    buffer.putLong(offset + TIMESTAMP_OFFSET, timestampMs, LE);
  }

  public int join(CharSequence huntId, CharSequence name, CharSequence team, CharSequence token) {
    int at = offset + HEADER_LENGTH;
    at = putString(at, huntId);
    at = putString(at, name);
    at = putString(at, team);
    at = putString(at, token);
    return at - offset;
  }

  public int state() {
    return HEADER_LENGTH;
  }

  public int move(double lat, double lon) {
    int at = offset + HEADER_LENGTH;
    buffer.putDouble(at, lat, LE);
    buffer.putDouble(at + 8, lon, LE);
    return HEADER_LENGTH + 16;
  }

  public int scan() {
    return HEADER_LENGTH;
  }

  public int guess(CharSequence puzzleId, CharSequence answer) {
    int at = putString(offset + HEADER_LENGTH, puzzleId);
    at = putString(at, answer);
    return at - offset;
  }

  public int claim(CharSequence treasureId, CharSequence code) {
    int at = putString(offset + HEADER_LENGTH, treasureId);
    at = putString(at, code);
    return at - offset;
  }

  public int hint(CharSequence puzzleId) {
    return putString(offset + HEADER_LENGTH, puzzleId) - offset;
  }

  /** {@code limit} 0 asks for the default (10). */
  public int board(int limit) {
    buffer.putInt(offset + HEADER_LENGTH, limit, LE);
    return HEADER_LENGTH + 4;
  }

  public int ping() {
    return HEADER_LENGTH;
  }

  public int loadHunt(CharSequence sourceName, CharSequence sourceText) {
    int at = putString(offset + HEADER_LENGTH, sourceName);
    at = putString(at, sourceText);
    return at - offset;
  }

  public int reloadHunt(CharSequence sourceName, CharSequence sourceText, boolean force) {
    int at = putString(offset + HEADER_LENGTH, sourceName);
    at = putString(at, sourceText);
    buffer.putByte(at, (byte) (force ? 1 : 0));
    return at + 1 - offset;
  }

  /** START, PAUSE, RESUME and END share this body. */
  public int lifecycle(CharSequence huntId) {
    return putString(offset + HEADER_LENGTH, huntId) - offset;
  }

  public int announce(CharSequence huntId, CharSequence message) {
    int at = putString(offset + HEADER_LENGTH, huntId);
    at = putString(at, message);
    return at - offset;
  }

  public int huntBoard(CharSequence huntId, int limit) {
    int at = putString(offset + HEADER_LENGTH, huntId);
    buffer.putInt(at, limit, LE);
    return at + 4 - offset;
  }

  /** {@code cellM} 0 asks for the default cell size; {@code maxAgeS} 0 counts every position. */
  public int huntMap(CharSequence huntId, int cellM, int maxAgeS) {
    int at = putString(offset + HEADER_LENGTH, huntId);
    buffer.putInt(at, cellM, LE);
    buffer.putInt(at + 4, maxAgeS, LE);
    return at + 8 - offset;
  }

  public int tick() {
    return HEADER_LENGTH;
  }

  private int putString(int at, CharSequence value) {
    int start = at + 4;
    int pos = start;
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        buffer.putByte(pos++, (byte) c);
      } else if (c < 0x800) {
        buffer.putByte(pos++, (byte) (0xC0 | (c >> 6)));
        buffer.putByte(pos++, (byte) (0x80 | (c & 0x3F)));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        buffer.putByte(pos++, (byte) (0xF0 | (cp >> 18)));
        buffer.putByte(pos++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
        buffer.putByte(pos++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
        buffer.putByte(pos++, (byte) (0x80 | (cp & 0x3F)));
      } else {
        char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
        buffer.putByte(pos++, (byte) (0xE0 | (ch >> 12)));
        buffer.putByte(pos++, (byte) (0x80 | ((ch >> 6) & 0x3F)));
        buffer.putByte(pos++, (byte) (0x80 | (ch & 0x3F)));
      }
    }
    buffer.putInt(at, pos - start, LE);
    return pos;
  }
}
