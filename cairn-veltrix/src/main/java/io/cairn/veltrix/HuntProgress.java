package io.cairn.veltrix;

/**
 * What has already happened in a running hunt, as far as a reload cares: the facts that make a
 * change unsafe because it would rewrite something players were already told or given.
 */
public interface HuntProgress {
  /** True when at least one team solved the puzzle with this id. */
  boolean puzzleSolved(String puzzleId);

  /** True when at least one team claimed the treasure with this id. */
  boolean treasureClaimed(String treasureId);

  /**
   * True when the round with this id has opened (the first round of a hunt in progress always has).
   */
  boolean roundOpened(String roundId);

  /** True when any team has been given points for anything. */
  boolean anyPointsAwarded();

  /** A hunt where nothing has happened yet. */
  static HuntProgress none() {
    return NoProgress.INSTANCE;
  }
}
