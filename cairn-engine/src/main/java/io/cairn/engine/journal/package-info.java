/**
 * Durability for one shard: an append-only journal of checksummed records in segment files, group
 * commit, recovery that replays the tail and drops a torn last record, and the snapshot store that
 * lets recovery skip what a snapshot already covers.
 *
 * <p>The shard thread is the only writer of a {@link io.cairn.engine.journal.Journal}; {@link
 * io.cairn.engine.journal.JournalMetrics} may be read by any thread.
 */
package io.cairn.engine.journal;
