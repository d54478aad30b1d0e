package io.cairn.engine.shard;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.hunt.ShardState;
import io.cairn.engine.journal.Journal;
import io.cairn.engine.journal.JournalException;
import io.cairn.engine.journal.SnapshotStore;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

/**
 * The single writer of one shard. Each duty cycle drains a batch of commands from the ring, applies
 * them to the shard's state, appends the ones that changed something to the journal, makes the
 * batch durable with one flush (group commit), and only then releases the batch's replies and push
 * events. Nothing else ever touches the state, so it needs no lock.
 */
final class ShardAgent implements Agent, MessageHandler {
  /** Commands per batch: bounds the wait of the first command of a batch for its fsync. */
  static final int BATCH_LIMIT = 4096;

  private static final System.Logger LOG = System.getLogger("cairn.shard");

  private final int shardIndex;
  private final ManyToOneRingBuffer ring;
  private final ShardState state;
  private final Journal journal;
  private final SnapshotStore snapshots;
  private final Egress egress;
  private final EgressHandler egressHandler;
  private final EpochClock clock;
  private final ShardMetrics metrics;
  private final long boardTickMs;
  private final long snapshotIntervalMs;
  private final boolean forceWhenIdle;
  private final UnsafeBuffer tickBuffer = new UnsafeBuffer(new byte[CommandLayout.HEADER_LENGTH]);
  private final CommandEncoder tickEncoder = new CommandEncoder();

  private long nextTickMs;
  private long nextSnapshotMs;
  private long lastSnapshotPosition;
  private long previousSnapshotPosition;
  private boolean journalPending;
  private volatile boolean failed;

  ShardAgent(
      int shardIndex,
      ManyToOneRingBuffer ring,
      ShardState state,
      Journal journal,
      SnapshotStore snapshots,
      long recoveredSnapshotPosition,
      EgressHandler egressHandler,
      EpochClock clock,
      ShardMetrics metrics,
      long boardTickMs,
      long snapshotIntervalMs,
      boolean forceWhenIdle) {
    this.shardIndex = shardIndex;
    this.ring = ring;
    this.state = state;
    this.journal = journal;
    this.snapshots = snapshots;
    this.egress = new Egress();
    this.egressHandler = egressHandler;
    this.clock = clock;
    this.metrics = metrics;
    this.boardTickMs = Math.max(1, boardTickMs);
    this.snapshotIntervalMs = Math.max(1, snapshotIntervalMs);
    this.forceWhenIdle = forceWhenIdle;
    this.lastSnapshotPosition = recoveredSnapshotPosition;
    this.previousSnapshotPosition = recoveredSnapshotPosition;
    long nowMs = clock.time();
    this.nextTickMs = nowMs;
    this.nextSnapshotMs = nowMs + this.snapshotIntervalMs;
  }

  @Override
  public String roleName() {
    return "cairn-shard-" + shardIndex;
  }

  @Override
  public int doWork() {
    int commands = ring.read(this, BATCH_LIMIT);
    int work = commands;
    long nowMs = clock.time();
    if (nowMs >= nextTickMs) {
      nextTickMs = nowMs + boardTickMs;
      tick(nowMs);
      work++;
    }
    if (work > 0) {
      endOfBatch(commands);
    } else if (forceWhenIdle) {
      forceIdleJournal();
    }
    if (nowMs >= nextSnapshotMs) {
      nextSnapshotMs = nowMs + snapshotIntervalMs;
      snapshotIfAdvanced();
    }
    return work;
  }

  @Override
  public void onMessage(int op, MutableDirectBuffer buffer, int index, int length) {
    if (state.apply(op, buffer, index, length, egress)) {
      journal.append(op, buffer, index, length);
      journalPending = true;
    }
  }

  private void tick(long nowMs) {
    int length =
        tickEncoder
            .wrap(tickBuffer, 0)
            .header(nowMs, 0, -1, CommandLayout.NO_HUNT, CommandLayout.NO_PLAYER)
            .tick();
    onMessage(Op.TICK, tickBuffer, 0, length);
  }

  /** Makes the batch durable, then releases its output; {@code commands} excludes ticks. */
  private void endOfBatch(int commands) {
    if (journalPending) {
      try {
        journal.flush();
      } catch (JournalException e) {
        fail(e);
      }
      journalPending = false;
    }
    if (commands > 0) {
      metrics.onBatch(commands);
    }
    if (!egress.isEmpty()) {
      egress.drainTo(shardIndex, egressHandler);
      egress.clear();
    }
  }

  /**
   * Under the {@code interval} policy a flush may leave its writes unforced; an idle shard forces
   * them at once rather than leaving its last changes waiting for a next batch that may not come.
   */
  private void forceIdleJournal() {
    try {
      journal.force();
    } catch (JournalException e) {
      fail(e);
    }
  }

  /**
   * A journal that cannot write means the batch is not durable: its replies must never be sent, and
   * the in-memory state is ahead of the disk, so the shard stops (fail-stop) rather than
   * acknowledge anything more.
   */
  private void fail(RuntimeException cause) {
    failed = true;
    egress.clear();
    LOG.log(
        System.Logger.Level.ERROR,
        "shard "
            + shardIndex
            + " stopped: the journal could not be written, so nothing more is acknowledged. "
            + "Check the disk of the data directory, then restart to recover.",
        cause);
    throw new AgentTerminationException(cause);
  }

  private void snapshotIfAdvanced() {
    long position = journal.position();
    if (position == lastSnapshotPosition) {
      return;
    }
    long startNs = System.nanoTime();
    snapshots.write(position, state::writeSnapshot);
    journal.deleteSegmentsBefore(previousSnapshotPosition);
    previousSnapshotPosition = lastSnapshotPosition;
    lastSnapshotPosition = position;
    metrics.onSnapshot(System.nanoTime() - startNs);
  }

  /** Answers what is still queued, makes it durable, and closes the journal: a clean shutdown. */
  @Override
  public void onClose() {
    if (!failed) {
      int work;
      while ((work = ring.read(this, BATCH_LIMIT)) > 0) {
        endOfBatch(work);
      }
      if (journalPending) {
        endOfBatch(0);
      }
    }
    journal.close();
  }

  boolean failed() {
    return failed;
  }

  /** The state, for tests and tools that look at it once the agent has stopped. */
  ShardState state() {
    return state;
  }
}
