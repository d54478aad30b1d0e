package io.cairn.server.http;

import io.cairn.engine.Engine;
import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.ErrorCode;
import io.cairn.engine.journal.JournalMetrics;
import io.cairn.engine.shard.Shard;
import io.cairn.engine.shard.ShardMetrics;
import io.cairn.server.GatewayMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's meters in one Prometheus registry: JVM (memory, GC pauses and allocated bytes,
 * threads, class loading, process CPU), per shard (queue, batches, snapshots) and per journal
 * (batches, records, bytes, fsyncs and their time), and the gateway's own counters.
 *
 * <p>The gateway calls {@link #connectionOpened}, {@link #request}, {@link #error} and {@link
 * #latency} on its hot path. They allocate nothing: every meter is created up front (or once, on
 * first use of an op and error code pair) and kept in arrays indexed by op and error code, so a
 * call is an array read and an increment; no tags are built per call.
 */
public final class ServerMetrics implements GatewayMetrics, AutoCloseable {
  /** Error codes the gateway may count, in the order of their index; anything else is OTHER. */
  public static final String[] ERROR_CODES = {
    ErrorCode.BAD_REQUEST,
    ErrorCode.UNKNOWN_OP,
    ErrorCode.UNKNOWN_HUNT,
    ErrorCode.HUNT_FULL,
    ErrorCode.TEAM_FULL,
    ErrorCode.BAD_NAME,
    ErrorCode.BAD_TOKEN,
    ErrorCode.NOT_JOINED,
    ErrorCode.BAD_POSITION,
    ErrorCode.IMPOSSIBLE_MOVE,
    ErrorCode.NO_POSITION,
    ErrorCode.HUNT_NOT_RUNNING,
    ErrorCode.UNKNOWN_PUZZLE,
    ErrorCode.LOCKED,
    ErrorCode.ALREADY_SOLVED,
    ErrorCode.RATE_LIMITED,
    ErrorCode.UNKNOWN_TREASURE,
    ErrorCode.TOO_FAR,
    ErrorCode.WRONG_CODE,
    ErrorCode.ALREADY_CLAIMED,
    ErrorCode.NO_HINT_AVAILABLE,
    "OVERLOADED",
    "FRAME_TOO_LARGE",
    "SLOW_CONSUMER",
    "OTHER"
  };

  /** Index of OTHER in {@link #ERROR_CODES}. */
  public static final int OTHER = ERROR_CODES.length - 1;

  private static final int OP_SLOTS = 32;
  private static final double NS_PER_S = 1e9;

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private final AtomicLong activeConnections = new AtomicLong();
  private final Counter connectionsOpened;
  private final Counter[] requests = new Counter[OP_SLOTS];
  private final Timer[] latencies = new Timer[OP_SLOTS];
  private final Counter[][] errors = new Counter[OP_SLOTS][];
  private HealthHistory health;

  public ServerMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public ServerMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    ProcessMetrics.configureGcPauseHistogram(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    ProcessMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    connectionsOpened =
        Counter.builder("cairn.connections.opened")
            .description("Connections accepted (WebSocket and HTTP)")
            .register(registry);
    Gauge.builder("cairn.connections.active", activeConnections, AtomicLong::get)
        .description("Connections open now (WebSocket and HTTP)")
        .register(registry);
    for (int op = 0; op < OP_SLOTS; op++) {
      if (!Op.isKnown(op) || op == Op.TICK) {
        continue;
      }
      String name = Op.name(op);
      requests[op] =
          Counter.builder("cairn.requests")
              .description("Commands received, by op")
              .tag("op", name)
              .register(registry);
      latencies[op] =
          Timer.builder("cairn.request.latency")
              .description("From command decoded to reply written, by op")
              .tag("op", name)
              .publishPercentileHistogram()
              .register(registry);
      errors[op] = new Counter[ERROR_CODES.length];
    }
  }

  /** Adds the engine's per shard and per journal meters and the hunt count. */
  public ServerMetrics bind(Engine engine) {
    Gauge.builder("cairn.hunts", engine.directory(), d -> d.size())
        .description("Hunts loaded")
        .register(registry);
    for (int i = 0; i < engine.shardCount(); i++) {
      Shard shard = engine.shard(i);
      String tag = Integer.toString(i);
      ShardMetrics sm = shard.metrics();
      Gauge.builder("cairn.shard.queued", shard, s -> s.queuedBytes())
          .description("Bytes of commands waiting in the shard queue")
          .baseUnit("bytes")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.shard.batches", sm, m -> m.batches())
          .description("Batches the shard applied")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.shard.commands", sm, m -> m.commands())
          .description("Commands the shard applied")
          .tag("shard", tag)
          .register(registry);
      Gauge.builder("cairn.shard.max.batch", sm, m -> m.maxBatch())
          .description("Most commands in one batch")
          .baseUnit("commands")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.shard.snapshots", sm, m -> m.snapshots())
          .description("State snapshots written")
          .tag("shard", tag)
          .register(registry);
      Gauge.builder("cairn.shard.last.snapshot", sm, m -> m.lastSnapshotNs() / NS_PER_S)
          .description("Time the latest snapshot took")
          .baseUnit("seconds")
          .tag("shard", tag)
          .register(registry);
      JournalMetrics jm = shard.journalMetrics();
      FunctionCounter.builder("cairn.journal.batches", jm, m -> m.batches())
          .description("Non-empty journal batches written")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.journal.records", jm, m -> m.records())
          .description("Journal records written")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.journal.written", jm, m -> m.bytes())
          .description("Bytes written to journal segments")
          .baseUnit("bytes")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.journal.fsyncs", jm, m -> m.fsyncs())
          .description("Forces of a journal segment file")
          .tag("shard", tag)
          .register(registry);
      FunctionCounter.builder("cairn.journal.fsync.time", jm, m -> m.totalFsyncNs() / NS_PER_S)
          .description("Time spent in journal forces")
          .baseUnit("seconds")
          .tag("shard", tag)
          .register(registry);
      Gauge.builder("cairn.journal.last.fsync", jm, m -> m.lastFsyncNs() / NS_PER_S)
          .description("Duration of the latest journal force")
          .baseUnit("seconds")
          .tag("shard", tag)
          .register(registry);
      Gauge.builder("cairn.journal.max.batch", jm, m -> m.maxBatchRecords())
          .description("Most records written by one journal flush")
          .baseUnit("records")
          .tag("shard", tag)
          .register(registry);
    }
    return this;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * The per-second health history read from this registry for the organiser dashboard; sampling
   * starts with the first call and stops at {@link #close}.
   */
  public synchronized HealthHistory health() {
    if (health == null) {
      health = HealthHistory.start(registry);
    }
    return health;
  }

  /** The exposition text (Prometheus 0.0.4 format), written by Micrometer. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void connectionOpened() {
    connectionsOpened.increment();
    activeConnections.incrementAndGet();
  }

  @Override
  public void connectionClosed() {
    activeConnections.decrementAndGet();
  }

  /** One command received; {@code op} an {@link Op} value, unknown ones are not counted. */
  @Override
  public void request(int op) {
    Counter counter = op >= 0 && op < OP_SLOTS ? requests[op] : null;
    if (counter != null) {
      counter.increment();
    }
  }

  /** One error reply; {@code errorCodeIndex} an index into {@link #ERROR_CODES}. */
  public void error(int op, int errorCodeIndex) {
    Counter[] byCode = op >= 0 && op < OP_SLOTS ? errors[op] : null;
    if (byCode == null) {
      return;
    }
    int code = errorCodeIndex >= 0 && errorCodeIndex < ERROR_CODES.length ? errorCodeIndex : OTHER;
    Counter counter = byCode[code];
    if (counter == null) {
      // once per op and code pair; Micrometer returns the same meter to racing callers
      counter =
          Counter.builder("cairn.request.errors")
              .description("Error replies, by op and code")
              .tag("op", Op.name(op))
              .tag("code", ERROR_CODES[code])
              .register(registry);
      byCode[code] = counter;
    }
    counter.increment();
  }

  /** One error reply by its code; a code outside {@link #ERROR_CODES} counts as OTHER. */
  public void error(int op, String code) {
    error(op, errorCodeIndex(code));
  }

  /** As {@link #error(int, String)}, for a code read into a reused buffer; allocates nothing. */
  @Override
  public void error(int op, CharSequence code) {
    for (int i = 0; i < OTHER; i++) {
      if (ERROR_CODES[i].contentEquals(code)) {
        error(op, i);
        return;
      }
    }
    error(op, OTHER);
  }

  /** The index of {@code code} in {@link #ERROR_CODES}, or {@link #OTHER}; allocates nothing. */
  public static int errorCodeIndex(String code) {
    for (int i = 0; i < OTHER; i++) {
      if (ERROR_CODES[i] == code) {
        return i;
      }
    }
    for (int i = 0; i < OTHER; i++) {
      if (ERROR_CODES[i].equals(code)) {
        return i;
      }
    }
    return OTHER;
  }

  /** Time from a command decoded to its reply written. */
  @Override
  public void latency(int op, long nanos) {
    Timer timer = op >= 0 && op < OP_SLOTS ? latencies[op] : null;
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (health != null) {
        health.close();
      }
    }
    gcMetrics.close();
    registry.close();
  }
}
