package io.cairn.engine.shard;

/**
 * What recovering one shard found, for the start-up log line and for tests.
 *
 * @param snapshotPosition the journal position the loaded snapshot covered (0 when none)
 * @param recordsReplayed journal records applied after the snapshot
 * @param bytesDropped bytes of a torn last record cut off the journal
 * @param elapsedNs time taken to load the snapshot and replay the tail
 */
public record ShardRecovery(
    int shard, long snapshotPosition, long recordsReplayed, long bytesDropped, long elapsedNs) {}
