package io.cairn.engine.command;

import static io.cairn.engine.command.CommandLayout.CONNECTION_ID_OFFSET;
import static io.cairn.engine.command.CommandLayout.HEADER_LENGTH;
import static io.cairn.engine.command.CommandLayout.HUNT_NUMBER_OFFSET;
import static io.cairn.engine.command.CommandLayout.PLAYER_IDX_OFFSET;
import static io.cairn.engine.command.CommandLayout.REQUEST_ID_OFFSET;
import static io.cairn.engine.command.CommandLayout.TIMESTAMP_OFFSET;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * Flyweight that reads a command in the {@link CommandLayout}. {@link #wrap} checks the command is
 * well formed for its op and decodes its body into reused fields: strings land in {@link
 * StringBuilder}s owned by the decoder, so steady-state decoding allocates nothing. The values stay
 * valid until the next {@code wrap}.
 */
public final class CommandDecoder {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  private final StringBuilder huntId = new StringBuilder(64);
  private final StringBuilder name = new StringBuilder(64);
  private final StringBuilder team = new StringBuilder(64);
  private final StringBuilder token = new StringBuilder(128);
  private final StringBuilder puzzleId = new StringBuilder(64);
  private final StringBuilder answer = new StringBuilder(256);
  private final StringBuilder treasureId = new StringBuilder(64);
  private final StringBuilder code = new StringBuilder(64);
  private final StringBuilder sourceName = new StringBuilder(128);
  private final StringBuilder sourceText = new StringBuilder(0);
  private final StringBuilder message = new StringBuilder(256);

  private int op;
  private long timestampMs;
  private long connectionId;
  private long requestId;
  private int huntNumber;
  private int playerIdx;
  private double lat;
  private double lon;
  private int limit;
  private int cellM;
  private int maxAgeS;
  private boolean force;

  private DirectBuffer buffer;
  private int end;

  /**
   * Decodes the command of type {@code op} held in {@code buffer[offset, offset+length)}. Returns
   * false when it is malformed: too short, a string running past the end, invalid UTF-8 or an
   * unknown op. The header fields are valid whenever {@code length} covers the header.
   */
  public boolean wrap(int op, DirectBuffer buffer, int offset, int length) {
    this.op = op;
    this.buffer = buffer;
    this.end = offset + length;
    if (length < HEADER_LENGTH) {
      timestampMs = 0;
      connectionId = 0;
      requestId = 0;
      huntNumber = CommandLayout.NO_HUNT;
      playerIdx = CommandLayout.NO_PLAYER;
      return false;
    }
    timestampMs = buffer.getLong(offset + TIMESTAMP_OFFSET, LE);
    connectionId = buffer.getLong(offset + CONNECTION_ID_OFFSET, LE);
    requestId = buffer.getLong(offset + REQUEST_ID_OFFSET, LE);
    huntNumber = buffer.getInt(offset + HUNT_NUMBER_OFFSET, LE);
    playerIdx = buffer.getInt(offset + PLAYER_IDX_OFFSET, LE);
    int at = offset + HEADER_LENGTH;
    switch (op) {
      case Op.JOIN:
        at = string(at, huntId);
        at = string(at, name);
        at = string(at, team);
        at = string(at, token);
        break;
      case Op.STATE, Op.SCAN, Op.PING, Op.TICK:
        break;
      case Op.MOVE:
        if (at + 16 > end) {
          return false;
        }
        lat = buffer.getDouble(at, LE);
        lon = buffer.getDouble(at + 8, LE);
        at += 16;
        break;
      case Op.GUESS:
        at = string(at, puzzleId);
        at = string(at, answer);
        break;
      case Op.CLAIM:
        at = string(at, treasureId);
        at = string(at, code);
        break;
      case Op.HINT:
        at = string(at, puzzleId);
        break;
      case Op.BOARD:
        if (at + 4 > end) {
          return false;
        }
        limit = buffer.getInt(at, LE);
        at += 4;
        break;
      case Op.LOAD_HUNT:
        at = string(at, sourceName);
        at = string(at, sourceText);
        break;
      case Op.RELOAD_HUNT:
        at = string(at, sourceName);
        at = string(at, sourceText);
        if (at < 0 || at + 1 > end) {
          return false;
        }
        force = buffer.getByte(at) != 0;
        at += 1;
        break;
      case Op.START, Op.PAUSE, Op.RESUME, Op.END:
        at = string(at, huntId);
        break;
      case Op.ANNOUNCE:
        at = string(at, huntId);
        at = string(at, message);
        break;
      case Op.HUNT_BOARD:
        at = string(at, huntId);
        if (at < 0 || at + 4 > end) {
          return false;
        }
        limit = buffer.getInt(at, LE);
        at += 4;
        break;
      case Op.HUNT_MAP:
        at = string(at, huntId);
        if (at < 0 || at + 8 > end) {
          return false;
        }
        cellM = buffer.getInt(at, LE);
        maxAgeS = buffer.getInt(at + 4, LE);
        at += 8;
        break;
      default:
        return false;
    }
    return at >= 0 && at <= end;
  }

  /** Decodes one length-prefixed UTF-8 string at {@code at}; returns the next offset or -1. */
  private int string(int at, StringBuilder out) {
    out.setLength(0);
    if (at < 0 || at + 4 > end) {
      return -1;
    }
    int length = buffer.getInt(at, LE);
    int start = at + 4;
    if (length < 0 || length > end - start) {
      return -1;
    }
    return Utf8.decode(buffer, start, length, out) ? start + length : -1;
  }

  public int op() {
    return op;
  }

  public long timestampMs() {
    return timestampMs;
  }

  public long connectionId() {
    return connectionId;
  }

  public long requestId() {
    return requestId;
  }

  public int huntNumber() {
    return huntNumber;
  }

  public int playerIdx() {
    return playerIdx;
  }

  /** JOIN, START, PAUSE, RESUME, END, ANNOUNCE. */
  public StringBuilder huntId() {
    return huntId;
  }

  /** JOIN. */
  public StringBuilder name() {
    return name;
  }

  /** JOIN; empty = no team given. */
  public StringBuilder team() {
    return team;
  }

  /** JOIN; empty = a new player. */
  public StringBuilder token() {
    return token;
  }

  /** GUESS, HINT. */
  public StringBuilder puzzleId() {
    return puzzleId;
  }

  /** GUESS. */
  public StringBuilder answer() {
    return answer;
  }

  /** CLAIM. */
  public StringBuilder treasureId() {
    return treasureId;
  }

  /** CLAIM; empty = no code sent. */
  public StringBuilder code() {
    return code;
  }

  /** LOAD_HUNT, RELOAD_HUNT. */
  public StringBuilder sourceName() {
    return sourceName;
  }

  /** LOAD_HUNT, RELOAD_HUNT. */
  public StringBuilder sourceText() {
    return sourceText;
  }

  /** ANNOUNCE. */
  public StringBuilder message() {
    return message;
  }

  /** MOVE, degrees. */
  public double lat() {
    return lat;
  }

  /** MOVE, degrees. */
  public double lon() {
    return lon;
  }

  /** HUNT_MAP: the density grid's cell size in metres, 0 for the default. */
  public int cellM() {
    return cellM;
  }

  /** HUNT_MAP: count only positions at most this old, 0 for every position. */
  public int maxAgeS() {
    return maxAgeS;
  }

  /** BOARD; 0 = default. */
  public int limit() {
    return limit;
  }

  /** RELOAD_HUNT. */
  public boolean force() {
    return force;
  }
}
