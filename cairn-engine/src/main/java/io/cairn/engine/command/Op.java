package io.cairn.engine.command;

/**
 * Command types. The value doubles as the journal record type, so a journaled command replays
 * through the same {@code apply} path it first took. Player ops are below 20, organiser ops from
 * 20, shard housekeeping from 30.
 */
public final class Op {
  public static final int JOIN = 1;
  public static final int STATE = 2;
  public static final int MOVE = 3;
  public static final int SCAN = 4;
  public static final int GUESS = 5;
  public static final int CLAIM = 6;
  public static final int HINT = 7;
  public static final int BOARD = 8;
  public static final int PING = 9;
  public static final int LOAD_HUNT = 20;
  public static final int RELOAD_HUNT = 21;
  public static final int START = 22;
  public static final int PAUSE = 23;
  public static final int RESUME = 24;
  public static final int END = 25;
  public static final int ANNOUNCE = 26;

  /**
   * Organiser: read a hunt's top N, for the admin API. Read-only (never journaled); unlike the
   * player's {@link #BOARD} it needs no player and answers no {@code you}.
   */
  public static final int HUNT_BOARD = 27;

  /**
   * Organiser: a hunt's treasures with their claim counts and a density grid of the players' last
   * positions, for the dashboard's map. Read-only (never journaled), like {@link #HUNT_BOARD}.
   */
  public static final int HUNT_MAP = 28;

  public static final int TICK = 30;

  private Op() {}

  /** Whether {@code op} names a known command. */
  public static boolean isKnown(int op) {
    return (op >= JOIN && op <= PING) || (op >= LOAD_HUNT && op <= HUNT_MAP) || op == TICK;
  }

  /** The protocol name of a player op ("join"), or the constant's name for the others. */
  public static String name(int op) {
    return switch (op) {
      case JOIN -> "join";
      case STATE -> "state";
      case MOVE -> "move";
      case SCAN -> "scan";
      case GUESS -> "guess";
      case CLAIM -> "claim";
      case HINT -> "hint";
      case BOARD -> "board";
      case PING -> "ping";
      case LOAD_HUNT -> "LOAD_HUNT";
      case RELOAD_HUNT -> "RELOAD_HUNT";
      case START -> "START";
      case PAUSE -> "PAUSE";
      case RESUME -> "RESUME";
      case END -> "END";
      case ANNOUNCE -> "ANNOUNCE";
      case HUNT_BOARD -> "HUNT_BOARD";
      case HUNT_MAP -> "HUNT_MAP";
      case TICK -> "TICK";
      default -> "unknown";
    };
  }
}
