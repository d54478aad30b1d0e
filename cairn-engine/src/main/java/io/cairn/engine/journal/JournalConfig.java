package io.cairn.engine.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one shard's journal lives and how it is made durable.
 *
 * @param dir directory holding the shard's segment files (created if missing)
 * @param segmentBytes size a segment may reach before the next record goes to a new one; also
 *     bounds the largest record
 * @param fsync when a flush forces the data to the device
 * @param fsyncIntervalNs minimum time between forces under {@link FsyncPolicy#INTERVAL}
 */
public record JournalConfig(Path dir, long segmentBytes, FsyncPolicy fsync, long fsyncIntervalNs) {
  /** Smallest segment accepted: small enough for tests that roll often. */
  public static final long MIN_SEGMENT_BYTES = 256;

  /** Largest segment accepted: recovery maps a whole segment, and a mapping is at most 2 GiB. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  public JournalConfig {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(fsync, "fsync");
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be between "
              + MIN_SEGMENT_BYTES
              + " and "
              + MAX_SEGMENT_BYTES
              + ", was "
              + segmentBytes);
    }
    if (fsyncIntervalNs < 0) {
      throw new IllegalArgumentException("fsyncIntervalNs must be >= 0, was " + fsyncIntervalNs);
    }
  }
}
