package io.cairn.engine.hunt;

/**
 * Protocol error codes (protocol-v1) plus the organiser ones, as constants so replies never build
 * strings.
 */
public final class ErrorCode {
  public static final String BAD_REQUEST = "BAD_REQUEST";
  public static final String UNKNOWN_OP = "UNKNOWN_OP";
  public static final String UNKNOWN_HUNT = "UNKNOWN_HUNT";
  public static final String HUNT_FULL = "HUNT_FULL";
  public static final String TEAM_FULL = "TEAM_FULL";
  public static final String BAD_NAME = "BAD_NAME";
  public static final String BAD_TOKEN = "BAD_TOKEN";
  public static final String NOT_JOINED = "NOT_JOINED";
  public static final String BAD_POSITION = "BAD_POSITION";
  public static final String IMPOSSIBLE_MOVE = "IMPOSSIBLE_MOVE";
  public static final String NO_POSITION = "NO_POSITION";
  public static final String HUNT_NOT_RUNNING = "HUNT_NOT_RUNNING";
  public static final String UNKNOWN_PUZZLE = "UNKNOWN_PUZZLE";
  public static final String LOCKED = "LOCKED";
  public static final String ALREADY_SOLVED = "ALREADY_SOLVED";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String UNKNOWN_TREASURE = "UNKNOWN_TREASURE";
  public static final String TOO_FAR = "TOO_FAR";
  public static final String WRONG_CODE = "WRONG_CODE";
  public static final String ALREADY_CLAIMED = "ALREADY_CLAIMED";
  public static final String NO_HINT_AVAILABLE = "NO_HINT_AVAILABLE";

  /** Organiser: LOAD_HUNT or RELOAD_HUNT with a file that does not compile. */
  public static final String INVALID_HUNT = "INVALID_HUNT";

  /** Organiser: LOAD_HUNT of a hunt id this shard already runs. */
  public static final String HUNT_EXISTS = "HUNT_EXISTS";

  /** Organiser: RELOAD_HUNT with unsafe changes and no force. */
  public static final String RELOAD_REFUSED = "RELOAD_REFUSED";

  /** Organiser: START, PAUSE, RESUME or END from a status that does not allow it. */
  public static final String INVALID_TRANSITION = "INVALID_TRANSITION";

  private ErrorCode() {}
}
