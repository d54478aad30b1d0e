package io.cairn.engine;

import io.cairn.engine.journal.FsyncPolicy;
import io.cairn.veltrix.settings.ServerSettings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the engine needs from the operator's settings, decoupled from how they were read.
 *
 * @param dataDir where journals, snapshots and the token secret live
 * @param shards number of shard threads; fixed for a data directory once created
 * @param shardQueueBytes capacity of each shard's command ring (a power of two)
 * @param fsync when the journal forces its writes to disk
 * @param fsyncIntervalNs the most time between two forces under {@link FsyncPolicy#INTERVAL}
 * @param journalSegmentBytes size at which a journal segment file is rolled
 * @param snapshotIntervalNs how often a shard writes a snapshot so recovery replays only the tail
 * @param boardTickNs how often a shard ticks: lifecycle transitions and coalesced board pushes
 */
public record EngineConfig(
    Path dataDir,
    int shards,
    int shardQueueBytes,
    FsyncPolicy fsync,
    long fsyncIntervalNs,
    long journalSegmentBytes,
    long snapshotIntervalNs,
    long boardTickNs) {

  public EngineConfig {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, not " + shards);
    }
    if (Integer.bitCount(shardQueueBytes) != 1) {
      throw new IllegalArgumentException(
          "shard-queue-bytes must be a power of two, not " + shardQueueBytes);
    }
  }

  /** The engine's part of the operator's effective settings. */
  public static EngineConfig from(ServerSettings settings) {
    return new EngineConfig(
        settings.dataDir(),
        settings.shards(),
        settings.shardQueueBytes(),
        FsyncPolicy.valueOf(settings.fsync().toUpperCase(Locale.ROOT)),
        settings.fsyncIntervalNs(),
        settings.journalSegmentBytes(),
        settings.snapshotIntervalNs(),
        settings.boardTickNs());
  }

  /** Defaults for tests and benchmarks: one shard per core, fsync always. */
  public static EngineConfig defaults(Path dataDir) {
    return new EngineConfig(
        dataDir,
        Runtime.getRuntime().availableProcessors(),
        4 * 1024 * 1024,
        FsyncPolicy.ALWAYS,
        10_000_000L,
        64L * 1024 * 1024,
        300_000_000_000L,
        250_000_000L);
  }

  public EngineConfig withDataDir(Path dir) {
    return new EngineConfig(
        dir,
        shards,
        shardQueueBytes,
        fsync,
        fsyncIntervalNs,
        journalSegmentBytes,
        snapshotIntervalNs,
        boardTickNs);
  }

  public EngineConfig withShards(int count) {
    return new EngineConfig(
        dataDir,
        count,
        shardQueueBytes,
        fsync,
        fsyncIntervalNs,
        journalSegmentBytes,
        snapshotIntervalNs,
        boardTickNs);
  }

  public EngineConfig withFsync(FsyncPolicy policy) {
    return new EngineConfig(
        dataDir,
        shards,
        shardQueueBytes,
        policy,
        fsyncIntervalNs,
        journalSegmentBytes,
        snapshotIntervalNs,
        boardTickNs);
  }

  public EngineConfig withSnapshotIntervalNs(long intervalNs) {
    return new EngineConfig(
        dataDir,
        shards,
        shardQueueBytes,
        fsync,
        fsyncIntervalNs,
        journalSegmentBytes,
        intervalNs,
        boardTickNs);
  }

  public EngineConfig withJournalSegmentBytes(long segmentBytes) {
    return new EngineConfig(
        dataDir,
        shards,
        shardQueueBytes,
        fsync,
        fsyncIntervalNs,
        segmentBytes,
        snapshotIntervalNs,
        boardTickNs);
  }
}
