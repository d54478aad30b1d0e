package io.cairn.load;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Turns what the workers and the server reported into the summary and the human table. */
final class Report {
  private static final double MIB = 1024.0 * 1024.0;

  private Report() {}

  /**
   * Adds the figures of a load run to {@code s}, and its whole-run histograms (by operation key,
   * "all" and "claimed") to {@code wholeRun}, for the report's charts.
   */
  static void load(
      Map<String, Object> s,
      Scenario sc,
      List<WorkerProcess> workers,
      PromText before,
      PromText after,
      Map<String, Histogram> wholeRun) {
    long connected = 0;
    long failed = 0;
    long[] totals = new long[8];
    long pushes = 0;
    long claimed = 0;
    Histogram all = Histograms.newNanos();
    Histogram join = Histograms.newNanos();
    Histogram lag = Histograms.newNanos();
    Histogram delivery = Histograms.newNanos();
    Map<Op, Histogram> byOp = new LinkedHashMap<>();
    Map<Op, long[]> counts = new LinkedHashMap<>();
    Map<String, Long> errors = new TreeMap<>();
    for (Op op : Op.values()) {
      byOp.put(op, Histograms.newNanos());
      counts.put(op, new long[2]);
    }
    for (WorkerProcess w : workers) {
      connected += w.connected;
      failed += w.failed;
      long[] t = w.totals;
      if (t != null) {
        for (int i = 0; i < Math.min(t.length, totals.length); i++) {
          totals[i] += t[i];
        }
      }
      pushes += w.pushes;
      claimed += w.claimedPushes;
      addIfPresent(join, w.join);
      addIfPresent(lag, w.lag);
      addIfPresent(delivery, w.claimedDelivery);
      for (Map.Entry<Op, Histogram> e : w.latencies.entrySet()) {
        byOp.get(e.getKey()).add(e.getValue());
        all.add(e.getValue());
      }
      for (Map.Entry<Op, long[]> e : w.counts.entrySet()) {
        counts.get(e.getKey())[0] += e.getValue()[0];
        counts.get(e.getKey())[1] += e.getValue()[1];
      }
      w.sortedErrors().forEach((k, v) -> errors.merge(k, v, Long::sum));
    }
    Map<String, Object> players = new LinkedHashMap<>();
    players.put("requested", sc.players());
    players.put("connected", connected);
    players.put("failed", failed);
    players.put("clientProcesses", workers.size());
    s.put("players", players);
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("sent", totals[0]);
    requests.put("replies", totals[1]);
    requests.put("errors", totals[2]);
    requests.put("unanswered", totals[3]);
    requests.put("outOfOrder", totals[4]);
    requests.put("connectionsClosedEarly", totals[5]);
    requests.put("skippedBacklogged", totals[7]);
    s.put("requests", requests);
    Map<String, Object> throughput = new LinkedHashMap<>();
    throughput.put("offeredPerS", sc.rate());
    throughput.put("achievedPerS", totals[6] * 1000.0 / sc.durationMs());
    s.put("throughput", throughput);
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("all", stats(all));
    for (Op op : Op.values()) {
      Map<String, Object> o = stats(byOp.get(op));
      o.put("sent", counts.get(op)[0]);
      o.put("replies", counts.get(op)[1]);
      latency.put(op.key(), o);
    }
    s.put("latencyMs", latency);
    wholeRun.put("all", all);
    for (Op op : Op.values()) {
      if (byOp.get(op).getTotalCount() > 0) {
        wholeRun.put(op.key(), byOp.get(op));
      }
    }
    if (delivery.getTotalCount() > 0) {
      wholeRun.put("claimed", delivery);
    }
    s.put("joinMs", stats(join));
    s.put("generatorLagMs", stats(lag));
    Map<String, Object> push = new LinkedHashMap<>();
    push.put("events", pushes);
    push.put("claimedEvents", claimed);
    push.put("claimedDeliveryMs", stats(delivery));
    s.put("push", push);
    s.put("errors", errors);
    if (before != null && after != null) {
      s.put("server", server(before, after, sc.durationMs()));
    }
  }

  private static void addIfPresent(Histogram into, Histogram h) {
    if (h != null) {
      into.add(h);
    }
  }

  /** Percentiles of a histogram of nanoseconds, in milliseconds. */
  static Map<String, Object> stats(Histogram h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", h.getTotalCount());
    if (h.getTotalCount() > 0) {
      m.put("p50", h.getValueAtPercentile(50) / 1e6);
      m.put("p90", h.getValueAtPercentile(90) / 1e6);
      m.put("p99", h.getValueAtPercentile(99) / 1e6);
      m.put("p99.9", h.getValueAtPercentile(99.9) / 1e6);
      m.put("max", h.getMaxValue() / 1e6);
      m.put("mean", h.getMean() / 1e6);
    }
    return m;
  }

  /** The server's own figures over the measured part, from two scrapes of its metrics. */
  static Map<String, Object> server(PromText before, PromText after, long durationMs) {
    Map<String, Object> m = new LinkedHashMap<>();
    double seconds = durationMs / 1000.0;
    double requests = delta(before, after, "cairn_requests_total");
    m.put("requests", requests);
    double allocated = delta(before, after, "cairn_jvm_allocated_bytes_total");
    if (Double.isNaN(allocated)) {
      allocated = delta(before, after, "jvm_gc_memory_allocated_bytes_total");
    }
    m.put("allocatedBytes", allocated);
    m.put("allocatedBytesPerRequest", allocated / requests);
    TreeMap<Double, Double> b = before.buckets("jvm_gc_pause_seconds");
    TreeMap<Double, Double> a = after.buckets("jvm_gc_pause_seconds");
    Map<String, Object> gc = new LinkedHashMap<>();
    gc.put("pauses", PromText.observations(b, a));
    gc.put("p50Ms", PromText.quantile(b, a, 0.50) * 1e3);
    gc.put("p99Ms", PromText.quantile(b, a, 0.99) * 1e3);
    gc.put("p99.9Ms", PromText.quantile(b, a, 0.999) * 1e3);
    gc.put("maxMs", after.max("jvm_gc_pause_seconds_max") * 1e3);
    gc.put("pauseTotalMs", delta(before, after, "jvm_gc_pause_seconds_sum") * 1e3);
    double gcCpu = delta(before, after, "cairn_gc_cpu_seconds_total");
    double cpu = delta(before, after, "cairn_process_cpu_seconds_total");
    gc.put("gcThreadCpuSeconds", gcCpu);
    gc.put("processCpuSeconds", cpu);
    gc.put("gcCpuShareOfProcess", gcCpu / cpu);
    gc.put("processCoresUsed", cpu / seconds);
    m.put("gc", gc);
    m.put("heapUsedBytes", after.sum("jvm_memory_used_bytes", "area=\"heap\""));
    m.put("rssBytes", after.sum("process_resident_memory_bytes"));
    Map<String, Object> journal = new LinkedHashMap<>();
    double fsyncs = delta(before, after, "cairn_journal_fsyncs_total");
    double records = delta(before, after, "cairn_journal_records_total");
    double batches = delta(before, after, "cairn_journal_batches_total");
    journal.put("fsyncs", fsyncs);
    journal.put("fsyncsPerS", fsyncs / seconds);
    journal.put("records", records);
    journal.put("recordsPerBatch", records / batches);
    journal.put(
        "fsyncMeanMs",
        delta(before, after, "cairn_journal_fsync_time_seconds_total") / fsyncs * 1e3);
    m.put("journal", journal);
    return m;
  }

  private static double delta(PromText before, PromText after, String name) {
    return after.sum(name) - before.sum(name);
  }

  /** One step of the idle-memory mode. */
  static Map<String, Object> idleStep(
      int requested, long warm, long added, PromText base, PromText loaded, boolean gc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requested", requested);
    m.put("connected", warm + added);
    m.put("warmConnections", warm);
    m.put("measuredConnections", added);
    long connected = added;
    m.put("collectedBeforeReading", gc);
    if (base == null || loaded == null) {
      return m;
    }
    double rss =
        loaded.sum("process_resident_memory_bytes") - base.sum("process_resident_memory_bytes");
    double heap =
        loaded.sum("jvm_memory_used_bytes", "area=\"heap\"")
            - base.sum("jvm_memory_used_bytes", "area=\"heap\"");
    m.put("rssBaseBytes", base.sum("process_resident_memory_bytes"));
    m.put("rssDeltaBytes", rss);
    m.put("heapDeltaBytes", heap);
    m.put("rssBytesPerConnection", rss / connected);
    m.put("heapBytesPerConnection", heap / connected);
    m.put("rssBytes", loaded.sum("process_resident_memory_bytes"));
    m.put("serverConnectionsActive", loaded.sum("cairn_connections_active"));
    return m;
  }

  /**
   * Cairn's latency and claimed-delivery percentiles divided by the echo server's of the same run
   * (1.0 = as fast as the bare stack; null in the summary when the echo run has no such figure).
   */
  static Map<String, Object> ratiosToEcho(Map<String, Object> cairn, Map<String, Object> echo) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String p : List.of("p50", "p99", "p99.9")) {
      m.put(
          "latency" + ratioName(p) + "RatioToEcho",
          percentile(cairn, "latencyMs", "all", p) / percentile(echo, "latencyMs", "all", p));
    }
    for (String p : List.of("p50", "p99", "max")) {
      m.put(
          "claimed" + ratioName(p) + "RatioToEcho",
          percentile(cairn, "push", "claimedDeliveryMs", p)
              / percentile(echo, "push", "claimedDeliveryMs", p));
    }
    return m;
  }

  /** {@code p99.9} as it reads in a field name: {@code P999}; {@code max}: {@code Max}. */
  private static String ratioName(String percentile) {
    String name = percentile.replace(".", "");
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static double percentile(
      Map<String, Object> summary, String section, String histogram, String percentile) {
    if (summary.get(section) instanceof Map<?, ?> s
        && s.get(histogram) instanceof Map<?, ?> h
        && h.get(percentile) instanceof Number n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }

  /** The ratios of {@link #ratiosToEcho} as one line of the human table. */
  static void ratioTable(Map<String, Object> s, PrintWriter out) {
    out.printf(
        "cairn / echo latency: p50 %s, p99 %s, p99.9 %s; claimed delivery: p50 %s, p99 %s,"
            + " max %s%n",
        times(s.get("latencyP50RatioToEcho")),
        times(s.get("latencyP99RatioToEcho")),
        times(s.get("latencyP999RatioToEcho")),
        times(s.get("claimedP50RatioToEcho")),
        times(s.get("claimedP99RatioToEcho")),
        times(s.get("claimedMaxRatioToEcho")));
  }

  private static String times(Object o) {
    return o instanceof Double d && Double.isFinite(d) ? String.format("%.2fx", d) : "-";
  }

  static double achieved(Map<String, Object> summary) {
    Object t = summary.get("throughput");
    if (t instanceof Map<?, ?> m && m.get("achievedPerS") instanceof Double d) {
      return d;
    }
    return Double.NaN;
  }

  @SuppressWarnings("unchecked")
  static void table(Map<String, Object> s, PrintWriter out) {
    Map<String, Object> sc = (Map<String, Object>) s.get("scenario");
    Map<String, Object> players = (Map<String, Object>) s.get("players");
    out.printf(
        "%n%s: %s players connected of %s, %s req/s offered, %s measured after %s warmup, seed %s%n",
        s.get("target"),
        players.get("connected"),
        players.get("requested"),
        sc.get("rate"),
        sc.get("duration"),
        sc.get("warmup"),
        sc.get("seed"));
    out.printf(
        "%-12s %10s %10s %9s %9s %9s %9s%n",
        "op", "sent", "replies", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    Map<String, Object> latency = (Map<String, Object>) s.get("latencyMs");
    for (Map.Entry<String, Object> e : latency.entrySet()) {
      Map<String, Object> o = (Map<String, Object>) e.getValue();
      if (((Number) o.get("count")).longValue() == 0 && !e.getKey().equals("all")) {
        if (o.get("sent") instanceof Long sent && sent == 0) {
          continue;
        }
      }
      out.printf(
          "%-12s %10s %10s %9s %9s %9s %9s%n",
          e.getKey(),
          o.getOrDefault("sent", ""),
          o.getOrDefault("replies", ""),
          ms(o.get("p50")),
          ms(o.get("p99")),
          ms(o.get("p99.9")),
          ms(o.get("max")));
    }
    Map<String, Object> req = (Map<String, Object>) s.get("requests");
    Map<String, Object> tp = (Map<String, Object>) s.get("throughput");
    out.printf(
        "throughput: offered %.0f/s, achieved %.0f/s; errors %s, unanswered %s, out of order %s,"
            + " skipped (%d unanswered on the connection) %s%n",
        (Double) tp.get("offeredPerS"),
        (Double) tp.get("achievedPerS"),
        req.get("errors"),
        req.get("unanswered"),
        req.get("outOfOrder"),
        PlayerConnection.MAX_UNANSWERED,
        req.get("skippedBacklogged"));
    Map<String, Object> errors = (Map<String, Object>) s.get("errors");
    if (!errors.isEmpty()) {
      out.println("error replies: " + errors);
    }
    Map<String, Object> push = (Map<String, Object>) s.get("push");
    Map<String, Object> d = (Map<String, Object>) push.get("claimedDeliveryMs");
    out.printf(
        "claimed events delivered: %s (p50 %s ms, p99 %s ms, max %s ms); push events %s%n",
        d.get("count"), ms(d.get("p50")), ms(d.get("p99")), ms(d.get("max")), push.get("events"));
    Map<String, Object> lag = (Map<String, Object>) s.get("generatorLagMs");
    out.printf(
        "generator send lag: p99 %s ms, max %s ms%n", ms(lag.get("p99")), ms(lag.get("max")));
    if (s.get("serverPauses") instanceof Map<?, ?> pauses
        && pauses.get("gcPausesMs") instanceof Map<?, ?> gc
        && pauses.get("gcAtSafepointMs") instanceof Map<?, ?> atSafepoint
        && pauses.get("allSafepointsMs") instanceof Map<?, ?> all) {
      out.printf(
          "server pauses (safepoint log): %s GC pauses, p50 %s ms, p99 %s ms, p99.9 %s ms, max %s"
              + " ms (at the safepoint: p99.9 %s ms, max %s ms; the rest is reaching and leaving"
              + " it); all %s safepoints max %s ms%n",
          gc.get("count"),
          ms(gc.get("p50")),
          ms(gc.get("p99")),
          ms(gc.get("p99.9")),
          ms(gc.get("max")),
          ms(atSafepoint.get("p99.9")),
          ms(atSafepoint.get("max")),
          all.get("count"),
          ms(all.get("max")));
    }
    if (s.get("server") instanceof Map<?, ?> server) {
      Map<String, Object> gc = (Map<String, Object>) server.get("gc");
      Map<String, Object> j = (Map<String, Object>) server.get("journal");
      out.printf(
          "server: %.0f B allocated/request; GC pauses %.0f by the JVM (histogram bucket of"
              + " p99.9 %s ms, max %s ms in whole ms as the JVM rounds them); GC threads"
              + " %.1f%% of process CPU (%.2f cores used); heap %.0f MiB, RSS %.0f MiB;"
              + " %.0f fsyncs/s, %.1f records/batch%n",
          (Double) server.get("allocatedBytesPerRequest"),
          (Double) gc.get("pauses"),
          ms(gc.get("p99.9Ms")),
          ms(gc.get("maxMs")),
          (Double) gc.get("gcCpuShareOfProcess") * 100,
          (Double) gc.get("processCoresUsed"),
          (Double) server.get("heapUsedBytes") / MIB,
          (Double) server.get("rssBytes") / MIB,
          (Double) j.get("fsyncsPerS"),
          (Double) j.get("recordsPerBatch"));
    }
    if (s.get("profile") instanceof Map<?, ?> profile) {
      out.println(ServerProfile.tableLine(profile));
    }
  }

  @SuppressWarnings("unchecked")
  static void idleTable(Map<String, Object> s, PrintWriter out) {
    out.printf(
        "%n%-12s %10s %14s %14s %14s %14s%n",
        "idle players",
        "connected",
        "RSS delta MiB",
        "RSS B/conn",
        "heap delta MiB",
        "heap B/conn");
    for (Object o : (List<Object>) s.get("idle")) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.printf(
          "%-12s %10s %14.1f %14.0f %14.1f %14.0f%n",
          m.get("requested"),
          m.get("connected"),
          num(m.get("rssDeltaBytes")) / MIB,
          num(m.get("rssBytesPerConnection")),
          num(m.get("heapDeltaBytes")) / MIB,
          num(m.get("heapBytesPerConnection")));
    }
    for (Object o : (List<Object>) s.get("idle")) {
      Map<String, Object> m = (Map<String, Object>) o;
      if (m.get("nativeBytesPerConnection") instanceof Map<?, ?> nativeBytes) {
        StringBuilder line = new StringBuilder();
        nativeBytes.forEach(
            (category, bytes) ->
                line.append(line.isEmpty() ? "" : ", ").append(category).append(' ').append(bytes));
        out.printf(
            "native memory per connection at %s (NMT, committed B): %s%n",
            m.get("requested"), line.isEmpty() ? "no change" : line);
      }
    }
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static String ms(Object o) {
    return o instanceof Number n ? String.format("%.3f", n.doubleValue()) : "-";
  }
}
