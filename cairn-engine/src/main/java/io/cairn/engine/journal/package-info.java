/**
 * Durability for one shard: an append-only journal of checksummed records in segment files, group
 * commit, recovery that replays the tail and drops a torn last flush, and the snapshot store that
 * lets recovery skip what a snapshot already covers.
 *
 * <p>How a shard uses it:
 *
 * <ol>
 *   <li>At start: {@link io.cairn.engine.journal.SnapshotStore#latest()} gives the state and the
 *       position it covers (or nothing: position 0), then {@link
 *       io.cairn.engine.journal.Journal#open} replays the journal from that position into the
 *       state.
 *   <li>Per batch: {@link io.cairn.engine.journal.Journal#append} each change, then one {@link
 *       io.cairn.engine.journal.Journal#flush()}; replies are released only after it returns.
 *   <li>Now and then, between batches: {@link io.cairn.engine.journal.SnapshotStore#write} at
 *       {@link io.cairn.engine.journal.Journal#position()}, then {@link
 *       io.cairn.engine.journal.Journal#deleteSegmentsBefore} the oldest snapshot still kept
 *       ({@link io.cairn.engine.journal.SnapshotStore#positions()}), so that falling back to it
 *       still finds its journal.
 * </ol>
 *
 * <p>The shard thread is the only writer of a {@link io.cairn.engine.journal.Journal}; {@link
 * io.cairn.engine.journal.JournalMetrics} may be read by any thread. Every failure is a {@link
 * io.cairn.engine.journal.JournalException} (unchecked); damage recovery must not repair is a
 * {@link io.cairn.engine.journal.JournalCorruptedException}.
 */
package io.cairn.engine.journal;
