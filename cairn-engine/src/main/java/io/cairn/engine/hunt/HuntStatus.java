package io.cairn.engine.hunt;

/** A hunt's lifecycle, as ints so that the hot path compares and stores them without objects. */
public final class HuntStatus {
  public static final int SCHEDULED = 0;
  public static final int RUNNING = 1;
  public static final int PAUSED = 2;
  public static final int ENDED = 3;

  private HuntStatus() {}

  /** The protocol name: {@code scheduled}, {@code running}, {@code paused}, {@code ended}. */
  public static String name(int status) {
    return switch (status) {
      case SCHEDULED -> "scheduled";
      case RUNNING -> "running";
      case PAUSED -> "paused";
      case ENDED -> "ended";
      default -> throw new IllegalArgumentException("unknown status " + status);
    };
  }
}
