package io.cairn.engine.shard;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one shard, written by its thread only and read racily by a metrics reader: opaque
 * writes are enough for monotonic counters and cost nothing on x86.
 */
public final class ShardMetrics {
  private static final VarHandle BATCHES;
  private static final VarHandle COMMANDS;
  private static final VarHandle MAX_BATCH;
  private static final VarHandle SNAPSHOTS;
  private static final VarHandle LAST_SNAPSHOT_NS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      BATCHES = lookup.findVarHandle(ShardMetrics.class, "batches", long.class);
      COMMANDS = lookup.findVarHandle(ShardMetrics.class, "commands", long.class);
      MAX_BATCH = lookup.findVarHandle(ShardMetrics.class, "maxBatch", long.class);
      SNAPSHOTS = lookup.findVarHandle(ShardMetrics.class, "snapshots", long.class);
      LAST_SNAPSHOT_NS = lookup.findVarHandle(ShardMetrics.class, "lastSnapshotNs", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused")
  private long batches;

  @SuppressWarnings("unused")
  private long commands;

  @SuppressWarnings("unused")
  private long maxBatch;

  @SuppressWarnings("unused")
  private long snapshots;

  @SuppressWarnings("unused")
  private long lastSnapshotNs;

  void onBatch(int size) {
    BATCHES.setOpaque(this, (long) BATCHES.getOpaque(this) + 1);
    COMMANDS.setOpaque(this, (long) COMMANDS.getOpaque(this) + size);
    if (size > (long) MAX_BATCH.getOpaque(this)) {
      MAX_BATCH.setOpaque(this, (long) size);
    }
  }

  void onSnapshot(long elapsedNs) {
    SNAPSHOTS.setOpaque(this, (long) SNAPSHOTS.getOpaque(this) + 1);
    LAST_SNAPSHOT_NS.setOpaque(this, elapsedNs);
  }

  public long batches() {
    return (long) BATCHES.getOpaque(this);
  }

  public long commands() {
    return (long) COMMANDS.getOpaque(this);
  }

  public long maxBatch() {
    return (long) MAX_BATCH.getOpaque(this);
  }

  public long snapshots() {
    return (long) SNAPSHOTS.getOpaque(this);
  }

  public long lastSnapshotNs() {
    return (long) LAST_SNAPSHOT_NS.getOpaque(this);
  }
}
