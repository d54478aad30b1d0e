package io.cairn.engine.journal;

/** When {@link Journal#flush()} forces written records to the storage device. */
public enum FsyncPolicy {
  /** One {@code force} per flushed batch: a record is durable when {@code flush} returns. */
  ALWAYS,
  /**
   * Force at a flush when at least {@link JournalConfig#fsyncIntervalNs()} passed since the last
   * force: a crash may lose the changes of up to that interval.
   */
  INTERVAL,
  /** Never force: for benchmarks only, a crash of the machine may lose anything not yet written. */
  NEVER
}
