package io.cairn.engine.hunt;

import io.cairn.veltrix.HuntSnapshot;

/**
 * What other threads may know about a hunt: where it lives (shard, hunt number) and a racy but safe
 * summary (volatile fields written only by the owning shard thread). The gateway resolves a hunt id
 * to its shard and hunt number here; HTTP endpoints read the counts and status.
 */
public final class HuntView {
  private final String huntId;
  private final int shard;
  private final int huntNumber;
  private volatile HuntSnapshot snapshot;
  private volatile int status;
  private volatile long startsAtMs;
  private volatile long endsAtMs;
  private volatile int playerCount;
  private volatile int teamCount;
  private volatile String currentRound = "";

  HuntView(String huntId, int shard, int huntNumber, HuntSnapshot snapshot) {
    this.huntId = huntId;
    this.shard = shard;
    this.huntNumber = huntNumber;
    this.snapshot = snapshot;
    this.startsAtMs = snapshot.startsAtMs();
    this.endsAtMs = snapshot.endsAtMs();
  }

  public String huntId() {
    return huntId;
  }

  public int shard() {
    return shard;
  }

  public int huntNumber() {
    return huntNumber;
  }

  public HuntSnapshot snapshot() {
    return snapshot;
  }

  /** A {@link HuntStatus} value. */
  public int status() {
    return status;
  }

  /**
   * When the hunt started (once it has) or is to start; {@link HuntSnapshot#NO_TIME} if unknown.
   */
  public long startsAtMs() {
    return startsAtMs;
  }

  /** When the hunt ended (once it has) or is to end; {@link HuntSnapshot#NO_TIME} if unknown. */
  public long endsAtMs() {
    return endsAtMs;
  }

  public int playerCount() {
    return playerCount;
  }

  public int teamCount() {
    return teamCount;
  }

  /** The id of the latest open round, or "" when the hunt has no rounds. */
  public String currentRound() {
    return currentRound;
  }

  void publish(
      HuntSnapshot snapshot,
      int status,
      long startsAtMs,
      long endsAtMs,
      int playerCount,
      int teamCount,
      String currentRound) {
    this.snapshot = snapshot;
    this.status = status;
    this.startsAtMs = startsAtMs;
    this.endsAtMs = endsAtMs;
    this.playerCount = playerCount;
    this.teamCount = teamCount;
    this.currentRound = currentRound;
  }
}
