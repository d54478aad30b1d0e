package io.cairn.engine.command;

/**
 * Binary layout of a command: the bytes the shard queue carries and the journal stores, so replay
 * decodes exactly what was first applied. All values little-endian; the op itself is not in the
 * bytes, it travels beside them (queue message type, journal record type).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      timestampMs (int64)                      |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          connectionId (int64, 0 = no reply wanted)            |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |            requestId (int64, echoed as "re")                  | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |   huntNumber (int32, -1 = resolve from the hunt id string)    | 24
 *  +---------------------------------------------------------------+
 *  |           playerIdx (int32, -1 = not joined)                  | 28
 *  +---------------------------------------------------------------+
 *  |                        body (per op)                         ... 32
 *  +---------------------------------------------------------------+
 *
 *  string = length (int32, bytes) followed by that many bytes of UTF-8; "" means absent.
 *
 *  op            body
 *  JOIN          huntId string, name string, team string, token string
 *  STATE         (empty)
 *  MOVE          lat float64, lon float64                        (degrees)
 *  SCAN          (empty)
 *  GUESS         puzzleId string, answer string
 *  CLAIM         treasureId string, code string
 *  HINT          puzzleId string
 *  BOARD         limit int32                                      (0 = default)
 *  PING          (empty)
 *  LOAD_HUNT     sourceName string, sourceText string
 *  RELOAD_HUNT   sourceName string, sourceText string, force int8 (1 = force)
 *  START, PAUSE,
 *  RESUME, END   huntId string
 *  ANNOUNCE      huntId string, message string
 *  HUNT_BOARD    huntId string, limit int32                       (0 = default)
 *  HUNT_MAP      huntId string, cellM int32, maxAgeS int32        (0 = default, 0 = any age)
 *  TICK          (empty)
 * </pre>
 */
public final class CommandLayout {
  public static final int TIMESTAMP_OFFSET = 0;
  public static final int CONNECTION_ID_OFFSET = 8;
  public static final int REQUEST_ID_OFFSET = 16;
  public static final int HUNT_NUMBER_OFFSET = 24;
  public static final int PLAYER_IDX_OFFSET = 28;
  public static final int HEADER_LENGTH = 32;

  /** {@code huntNumber} when the hunt must be resolved from a hunt id string. */
  public static final int NO_HUNT = -1;

  /** {@code playerIdx} of a connection that has not joined. */
  public static final int NO_PLAYER = -1;

  private CommandLayout() {}
}
