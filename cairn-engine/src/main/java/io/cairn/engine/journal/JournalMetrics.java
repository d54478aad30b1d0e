package io.cairn.engine.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters of one journal. The shard thread is the only writer; any thread may read them at any
 * time. Writes and reads are opaque: a reader sees each counter's value as of some recent moment,
 * without tearing and without fences on the writer's side, which is all a metrics scrape needs.
 * Counters are not mutually consistent (records may already include a batch that batches does not).
 */
public final class JournalMetrics {
  private static final VarHandle BATCHES;
  private static final VarHandle RECORDS;
  private static final VarHandle BYTES;
  private static final VarHandle FSYNCS;
  private static final VarHandle TOTAL_FSYNC_NS;
  private static final VarHandle LAST_FSYNC_NS;
  private static final VarHandle MAX_BATCH_RECORDS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      BATCHES = lookup.findVarHandle(JournalMetrics.class, "batches", long.class);
      RECORDS = lookup.findVarHandle(JournalMetrics.class, "records", long.class);
      BYTES = lookup.findVarHandle(JournalMetrics.class, "bytes", long.class);
      FSYNCS = lookup.findVarHandle(JournalMetrics.class, "fsyncs", long.class);
      TOTAL_FSYNC_NS = lookup.findVarHandle(JournalMetrics.class, "totalFsyncNs", long.class);
      LAST_FSYNC_NS = lookup.findVarHandle(JournalMetrics.class, "lastFsyncNs", long.class);
      MAX_BATCH_RECORDS = lookup.findVarHandle(JournalMetrics.class, "maxBatchRecords", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long batches;
  private long records;
  private long bytes;
  private long fsyncs;
  private long totalFsyncNs;
  private long lastFsyncNs;
  private long maxBatchRecords;

  JournalMetrics() {}

  /** Non-empty batches written by {@link Journal#flush()}. */
  public long batches() {
    return (long) BATCHES.getOpaque(this);
  }

  /** Records written, all batches together. */
  public long records() {
    return (long) RECORDS.getOpaque(this);
  }

  /** Bytes written to segment files, headers and padding included. */
  public long bytes() {
    return (long) BYTES.getOpaque(this);
  }

  /** Forces of a segment file: one per batch under ALWAYS, plus one per segment roll. */
  public long fsyncs() {
    return (long) FSYNCS.getOpaque(this);
  }

  /** Time spent in forces, all together. */
  public long totalFsyncNs() {
    return (long) TOTAL_FSYNC_NS.getOpaque(this);
  }

  /** Duration of the latest force. */
  public long lastFsyncNs() {
    return (long) LAST_FSYNC_NS.getOpaque(this);
  }

  /** Most records written by one flush. */
  public long maxBatchRecords() {
    return (long) MAX_BATCH_RECORDS.getOpaque(this);
  }

  void onBatch(int batchRecords, int batchBytes) {
    BATCHES.setOpaque(this, batches + 1);
    RECORDS.setOpaque(this, records + batchRecords);
    BYTES.setOpaque(this, bytes + batchBytes);
    if (batchRecords > maxBatchRecords) {
      MAX_BATCH_RECORDS.setOpaque(this, (long) batchRecords);
    }
  }

  void onFsync(long durationNs) {
    FSYNCS.setOpaque(this, fsyncs + 1);
    TOTAL_FSYNC_NS.setOpaque(this, totalFsyncNs + durationNs);
    LAST_FSYNC_NS.setOpaque(this, durationNs);
  }

  @Override
  public String toString() {
    return "JournalMetrics{batches="
        + batches()
        + ", records="
        + records()
        + ", bytes="
        + bytes()
        + ", fsyncs="
        + fsyncs()
        + ", totalFsyncNs="
        + totalFsyncNs()
        + ", lastFsyncNs="
        + lastFsyncNs()
        + ", maxBatchRecords="
        + maxBatchRecords()
        + '}';
  }
}
