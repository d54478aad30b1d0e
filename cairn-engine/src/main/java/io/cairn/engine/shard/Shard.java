package io.cairn.engine.shard;

import io.cairn.engine.DataDirectory;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.hunt.EngineContext;
import io.cairn.engine.hunt.ShardState;
import io.cairn.engine.journal.FsyncPolicy;
import io.cairn.engine.journal.Journal;
import io.cairn.engine.journal.JournalConfig;
import io.cairn.engine.journal.JournalMetrics;
import io.cairn.engine.journal.RecoveryReport;
import io.cairn.engine.journal.SnapshotStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * One shard: its bounded command ring (many producers, one consumer), its state, journal and
 * snapshots, and the thread that runs its {@link ShardAgent}. A full ring refuses the command at
 * once (the caller answers OVERLOADED); nothing ever blocks a producer.
 */
public final class Shard implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("cairn.shard");

  /**
   * How late an idle shard may run its timers (board ticks, snapshots); commands wake it at once.
   */
  private static final long MAX_PARK_NS = 10_000_000L;

  private final int index;
  private final ManyToOneRingBuffer ring;
  private final ShardAgent agent;
  private final ShardRecovery recovery;
  private final ShardMetrics metrics;
  private final JournalMetrics journalMetrics;
  private final WakeableIdleStrategy idle;
  private AgentRunner runner;
  private volatile boolean accepting = true;

  private Shard(
      int index,
      ManyToOneRingBuffer ring,
      ShardAgent agent,
      ShardRecovery recovery,
      ShardMetrics metrics,
      JournalMetrics journalMetrics) {
    this.index = index;
    this.ring = ring;
    this.agent = agent;
    this.recovery = recovery;
    this.metrics = metrics;
    this.journalMetrics = journalMetrics;
    this.idle = new WakeableIdleStrategy(ring::size, MAX_PARK_NS);
  }

  /**
   * Rebuilds the shard from disk: the newest valid snapshot, then every journal record after it.
   * The shard's thread is not started yet.
   */
  public static Shard recover(
      int index,
      EngineConfig config,
      DataDirectory data,
      EngineContext context,
      EgressHandler egressHandler,
      EpochClock clock) {
    long startNs = System.nanoTime();
    SnapshotStore snapshots = new SnapshotStore(data.snapshotDir(index));
    Optional<SnapshotStore.Snapshot> snapshot = snapshots.latest();
    ShardState state;
    long fromPosition;
    if (snapshot.isPresent()) {
      state = readSnapshot(snapshot.get(), context);
      fromPosition = snapshot.get().position();
    } else {
      state = new ShardState(context);
      fromPosition = 0;
    }
    Replayer replayer = new Replayer(state, index);
    Journal journal =
        Journal.open(
            new JournalConfig(
                data.journalDir(index),
                config.journalSegmentBytes(),
                config.fsync(),
                config.fsyncIntervalNs()),
            fromPosition,
            replayer);
    RecoveryReport report = journal.recovery();
    ShardRecovery recovery =
        new ShardRecovery(
            index,
            fromPosition,
            report.recordsReplayed(),
            report.bytesDropped(),
            System.nanoTime() - startNs);
    ByteBuffer ringMemory =
        BufferUtil.allocateDirectAligned(
            config.shardQueueBytes() + RingBufferDescriptor.TRAILER_LENGTH, 64);
    ManyToOneRingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(ringMemory));
    ShardMetrics metrics = new ShardMetrics();
    ShardAgent agent =
        new ShardAgent(
            index,
            ring,
            state,
            journal,
            snapshots,
            fromPosition,
            egressHandler,
            clock,
            metrics,
            config.boardTickNs() / 1_000_000L,
            config.snapshotIntervalNs() / 1_000_000L,
            config.fsync() == FsyncPolicy.INTERVAL);
    return new Shard(index, ring, agent, recovery, metrics, journal.metrics());
  }

  private static ShardState readSnapshot(SnapshotStore.Snapshot snapshot, EngineContext context) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot.data()))) {
      return ShardState.readSnapshot(in, context);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the snapshot at journal position " + snapshot.position(), e);
    }
  }

  /** Starts the shard's thread. */
  public void start() {
    runner =
        new AgentRunner(
            idle,
            t -> LOG.log(System.Logger.Level.ERROR, "shard " + index + ": " + t, t),
            null,
            agent);
    AgentRunner.startOnThread(runner);
  }

  /**
   * Queues one encoded command. Returns false when the shard cannot take it now (ring full, shard
   * stopping or failed): the caller answers OVERLOADED. Thread-safe, never blocks.
   */
  public boolean offer(int op, DirectBuffer buffer, int offset, int length) {
    if (accepting && !agent.failed() && ring.write(op, buffer, offset, length)) {
      idle.wake();
      return true;
    }
    return false;
  }

  public int index() {
    return index;
  }

  public ShardRecovery recovery() {
    return recovery;
  }

  public ShardMetrics metrics() {
    return metrics;
  }

  public JournalMetrics journalMetrics() {
    return journalMetrics;
  }

  /** Bytes of commands waiting in the ring. */
  public int queuedBytes() {
    return ring.size();
  }

  public boolean failed() {
    return agent.failed();
  }

  /** Stops taking commands, answers and journals what is queued, closes the journal. */
  @Override
  public void close() {
    accepting = false;
    if (runner != null) {
      runner.close();
    } else {
      agent.onClose();
    }
  }

  /** The state once the shard is closed: for tests that compare live and recovered states. */
  public ShardState stateAfterClose() {
    if (runner != null && !runner.isClosed()) {
      throw new IllegalStateException("shard " + index + " is still running");
    }
    return agent.state();
  }

  /** Applies journal records during recovery; their replies and events were sent long ago. */
  private static final class Replayer implements io.cairn.engine.journal.RecordHandler {
    private final ShardState state;
    private final int shard;
    private final Egress discarded = new Egress();

    Replayer(ShardState state, int shard) {
      this.state = state;
      this.shard = shard;
    }

    @Override
    public void onRecord(long position, int type, DirectBuffer buffer, int offset, int length) {
      if (!state.apply(type, buffer, offset, length, discarded)) {
        throw new IllegalStateException(
            "shard "
                + shard
                + ": journal record at position "
                + position
                + " (op "
                + type
                + ") changed nothing when replayed; the engine is not deterministic");
      }
      discarded.clear();
    }
  }
}
