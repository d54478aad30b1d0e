package io.cairn.veltrix;

/** The progress of a hunt nobody has played yet. */
enum NoProgress implements HuntProgress {
  INSTANCE;

  @Override
  public boolean puzzleSolved(String puzzleId) {
    return false;
  }

  @Override
  public boolean treasureClaimed(String treasureId) {
    return false;
  }

  @Override
  public boolean roundOpened(String roundId) {
    return false;
  }

  @Override
  public boolean anyPointsAwarded() {
    return false;
  }
}
