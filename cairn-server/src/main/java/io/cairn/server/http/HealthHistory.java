package io.cairn.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server's health over the last minutes, for the organiser dashboard's charts: one sample per
 * second read from the same Micrometer registry that {@code /metrics} exposes (no second set of
 * counters), kept in a ring of {@link #CAPACITY} samples.
 *
 * <p>Rates and latencies are per interval: requests/s from the {@code cairn.requests} counters,
 * request latency p50 and p99 from the change of the {@code cairn.request.latency} histogram
 * buckets over the interval (interpolated within a bucket as Prometheus' {@code histogram_quantile}
 * does), GC pause time from {@code jvm.gc.pause}, mean journal fsync time from {@code
 * cairn.journal.fsync.time} over {@code cairn.journal.fsyncs}. Gauges (connections, heap) are read
 * as they are.
 */
public final class HealthHistory implements AutoCloseable {
  /** Samples kept: five minutes at one per second. */
  public static final int CAPACITY = 300;

  static final long INTERVAL_MS = 1_000;
  private static final double MS_PER_S = 1_000;
  private static final double NO_VALUE = Double.NaN;

  /** Columns of a sample, in the order of {@link #COLUMN_NAMES}. */
  private static final int T = 0;

  private static final int CONNECTIONS = 1;
  private static final int REQUESTS_PER_S = 2;
  private static final int P50_MS = 3;
  private static final int P99_MS = 4;
  private static final int GC_PAUSE_MS = 5;
  private static final int HEAP_USED = 6;
  private static final int HEAP_MAX = 7;
  private static final int FSYNC_MEAN_MS = 8;
  private static final int FSYNCS_PER_S = 9;
  static final String[] COLUMN_NAMES = {
    "t",
    "connections",
    "requestsPerS",
    "latencyP50Ms",
    "latencyP99Ms",
    "gcPauseMs",
    "heapUsedBytes",
    "heapMaxBytes",
    "fsyncMeanMs",
    "fsyncsPerS"
  };

  private final MeterRegistry registry;
  private final LongSupplier clockMs;
  private final double[][] columns = new double[COLUMN_NAMES.length][CAPACITY];
  private int first;
  private int count;
  private final Previous previous = new Previous();
  private ScheduledExecutorService sampler;

  HealthHistory(MeterRegistry registry, LongSupplier clockMs) {
    this.registry = registry;
    this.clockMs = clockMs;
  }

  /** A history of {@code registry} sampled every second on a daemon thread until closed. */
  public static HealthHistory start(MeterRegistry registry) {
    HealthHistory history = new HealthHistory(registry, System::currentTimeMillis);
    history.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("cairn-health-sampler").unstarted(r));
    history.sampler.scheduleAtFixedRate(history::sample, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
    return history;
  }

  /** What the previous sample read from the cumulative meters. */
  private static final class Previous {
    long atMs = -1;
    double requests;
    double[] latencyBuckets = new double[0];
    double gcPauseMs;
    double fsyncs;
    double fsyncSeconds;
  }

  /** Takes one sample now; the first one has no rates (nothing to compare with). */
  synchronized void sample() {
    long nowMs = clockMs.getAsLong();
    double requests = 0;
    for (Counter c : registry.find("cairn.requests").counters()) {
      requests += c.count();
    }
    double[] buckets = latencyBuckets();
    double gcPauseMs = 0;
    for (Timer t : registry.find("jvm.gc.pause").timers()) {
      gcPauseMs += t.totalTime(TimeUnit.MILLISECONDS);
    }
    double fsyncs = sum("cairn.journal.fsyncs");
    double fsyncSeconds = sum("cairn.journal.fsync.time");
    double[] row = new double[COLUMN_NAMES.length];
    row[T] = nowMs;
    row[CONNECTIONS] = gauge("cairn.connections.active", null);
    row[HEAP_USED] = gauge("jvm.memory.used", "heap");
    row[HEAP_MAX] = gauge("jvm.memory.max", "heap");
    boolean hasPrevious = previous.atMs >= 0 && nowMs > previous.atMs;
    double seconds = hasPrevious ? (nowMs - previous.atMs) / MS_PER_S : 0;
    row[REQUESTS_PER_S] = hasPrevious ? (requests - previous.requests) / seconds : NO_VALUE;
    row[GC_PAUSE_MS] = hasPrevious ? gcPauseMs - previous.gcPauseMs : NO_VALUE;
    double newFsyncs = fsyncs - previous.fsyncs;
    row[FSYNCS_PER_S] = hasPrevious ? newFsyncs / seconds : NO_VALUE;
    row[FSYNC_MEAN_MS] =
        hasPrevious && newFsyncs > 0
            ? (fsyncSeconds - previous.fsyncSeconds) * MS_PER_S / newFsyncs
            : NO_VALUE;
    if (hasPrevious && buckets.length == previous.latencyBuckets.length) {
      row[P50_MS] = percentileMs(buckets, previous.latencyBuckets, 0.50);
      row[P99_MS] = percentileMs(buckets, previous.latencyBuckets, 0.99);
    } else {
      row[P50_MS] = NO_VALUE;
      row[P99_MS] = NO_VALUE;
    }
    previous.atMs = nowMs;
    previous.requests = requests;
    previous.latencyBuckets = buckets;
    previous.gcPauseMs = gcPauseMs;
    previous.fsyncs = fsyncs;
    previous.fsyncSeconds = fsyncSeconds;
    append(row);
  }

  private void append(double[] row) {
    int slot;
    if (count == CAPACITY) {
      slot = first;
      first = (first + 1) % CAPACITY;
    } else {
      slot = (first + count) % CAPACITY;
      count++;
    }
    for (int c = 0; c < row.length; c++) {
      columns[c][slot] = row[c];
    }
  }

  /** Boundaries ([0], ms) and cumulative counts ([1..]) summed over every op's latency timer. */
  private double[] latencyBuckets() {
    double[] sums = null;
    for (Timer timer : registry.find("cairn.request.latency").timers()) {
      CountAtBucket[] counts = timer.takeSnapshot().histogramCounts();
      if (sums == null) {
        sums = new double[counts.length * 2];
        for (int i = 0; i < counts.length; i++) {
          sums[i * 2] = counts[i].bucket(TimeUnit.MILLISECONDS);
        }
      }
      if (counts.length * 2 != sums.length) {
        continue;
      }
      for (int i = 0; i < counts.length; i++) {
        sums[i * 2 + 1] += counts[i].count();
      }
    }
    return sums == null ? new double[0] : sums;
  }

  /**
   * The {@code q} quantile of what the buckets counted since {@code before}: the bucket holding
   * that rank, interpolated linearly between its bounds. NaN when nothing was counted.
   */
  static double percentileMs(double[] now, double[] before, double q) {
    int buckets = now.length / 2;
    double total = now[now.length - 1] - before[before.length - 1];
    if (total <= 0) {
      return NO_VALUE;
    }
    double rank = q * total;
    double lowerMs = 0;
    double belowCount = 0;
    for (int i = 0; i < buckets; i++) {
      double upperMs = now[i * 2];
      double cumulative = now[i * 2 + 1] - before[i * 2 + 1];
      if (cumulative >= rank) {
        double inBucket = cumulative - belowCount;
        double fraction = inBucket > 0 ? (rank - belowCount) / inBucket : 1;
        return lowerMs + (upperMs - lowerMs) * fraction;
      }
      lowerMs = upperMs;
      belowCount = cumulative;
    }
    return lowerMs;
  }

  private double sum(String name) {
    double total = 0;
    for (FunctionCounter c : registry.find(name).functionCounters()) {
      total += c.count();
    }
    return total;
  }

  /** The sum of a gauge's series (those with tag area={@code area} when given), or NaN. */
  private double gauge(String name, String area) {
    double total = 0;
    boolean any = false;
    for (Gauge g : registry.find(name).gauges()) {
      if (area != null && !area.equals(g.getId().getTag("area"))) {
        continue;
      }
      double value = g.value();
      if (value >= 0) {
        total += value;
        any = true;
      }
    }
    return any ? total : NO_VALUE;
  }

  /**
   * The samples taken after {@code afterMs} as JSON columns, oldest first: {@code {"intervalMs":
   * 1000, "t": [...], "connections": [...], ...}}; a value that could not be measured is null.
   */
  public synchronized String json(long afterMs) {
    int from = 0;
    while (from < count && columns[T][(first + from) % CAPACITY] <= afterMs) {
      from++;
    }
    Json json = new Json().startObject().name("intervalMs").number(INTERVAL_MS);
    for (int c = 0; c < COLUMN_NAMES.length; c++) {
      json.name(COLUMN_NAMES[c]).startArray();
      for (int i = from; i < count; i++) {
        double value = columns[c][(first + i) % CAPACITY];
        if (Double.isNaN(value)) {
          json.nullValue();
        } else if (c == T || c == CONNECTIONS || c == HEAP_USED || c == HEAP_MAX) {
          json.number((long) value);
        } else {
          json.raw(Double.toString(Math.round(value * 1000) / 1000.0));
        }
      }
      json.endArray();
    }
    return json.endObject().toString();
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
    }
  }
}
