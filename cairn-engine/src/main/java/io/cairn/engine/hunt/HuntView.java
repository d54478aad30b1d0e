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
  private volatile int playerCount;
  private volatile int teamCount;

  HuntView(String huntId, int shard, int huntNumber, HuntSnapshot snapshot) {
    this.huntId = huntId;
    this.shard = shard;
    this.huntNumber = huntNumber;
    this.snapshot = snapshot;
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

  public int playerCount() {
    return playerCount;
  }

  public int teamCount() {
    return teamCount;
  }

  void publish(HuntSnapshot snapshot, int status, int playerCount, int teamCount) {
    this.snapshot = snapshot;
    this.status = status;
    this.playerCount = playerCount;
    this.teamCount = teamCount;
  }
}
