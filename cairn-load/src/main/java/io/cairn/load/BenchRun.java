package io.cairn.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The coordinator of {@code cairn bench}: starts (or finds) the target, starts the client
 * processes, gives them one start time, prints a progress line a second, reads the server's metrics
 * at the start and end of the measured part, merges what the clients measured, and writes {@code
 * summary.json}, {@code latency.hlog}, {@code histograms.hlog} and the pictures ({@link
 * HtmlReport}) into the scenario's {@code out} directory.
 */
public final class BenchRun {
  /** Where progress and messages go (stderr of the command). */
  public interface Log {
    void line(String text);
  }

  private static final long GO_DELAY_MS = 1_000;
  private static final long SETTLE_MS = 3_000;

  private final Scenario scenario;
  private final JavaCommand java;
  private final Log log;
  private final String commandLine;

  public BenchRun(Scenario scenario, JavaCommand java, Log log, String commandLine) {
    this.scenario = scenario;
    this.java = java;
    this.log = log;
    this.commandLine = commandLine;
  }

  /**
   * Runs the scenario and returns the summary (also written to {@code out/summary.json}).
   *
   * @throws IOException when the target or a client cannot be started, saying why
   */
  public Map<String, Object> run(PrintWriter table) throws IOException, InterruptedException {
    Files.createDirectories(scenario.out());
    Map<String, Object> summary;
    if (!scenario.idleConnections().isEmpty()) {
      summary = idle(scenario.out());
      Report.idleTable(summary, table);
    } else if (scenario.target().equals("both")) {
      summary = header("both"); // dated at the start, like a single run
      Scenario echo = scenario.withTarget("echo");
      Scenario cairn = scenario.withTarget("cairn");
      Map<String, Object> e = load(echo, Files.createDirectories(scenario.out().resolve("echo")));
      Report.table(e, table);
      Map<String, Object> c = load(cairn, Files.createDirectories(scenario.out().resolve("cairn")));
      Report.table(c, table);
      summary.put("echo", e);
      summary.put("cairn", c);
      double ratio = Report.achieved(c) / Report.achieved(e);
      summary.put("throughputRatioToEcho", ratio);
      summary.putAll(Report.ratiosToEcho(c, e));
      table.printf("cairn / echo achieved throughput: %.1f%%%n", ratio * 100);
      Report.ratioTable(summary, table);
    } else {
      summary = load(scenario, scenario.out());
      Report.table(summary, table);
    }
    Path file = scenario.out().resolve("summary.json");
    Files.writeString(file, JsonOut.write(summary), StandardCharsets.UTF_8);
    table.println("summary: " + file);
    try {
      table.println("report: " + HtmlReport.write(scenario.out()));
    } catch (IOException | RuntimeException e) {
      // the figures are in summary.json already; a picture that cannot be drawn must not lose them
      log.line(
          "report.html not drawn ("
              + e
              + "); draw it later with cairn bench --report-only "
              + scenario.out());
    }
    table.flush();
    return summary;
  }

  private Map<String, Object> header(String target) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", commandLine);
    s.put("date", Instant.now().toString());
    s.put("machine", machine());
    s.put("target", target);
    s.put("scenario", new LinkedHashMap<>(scenario.withTarget(target).toMap()));
    return s;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  private Map<String, Object> load(Scenario sc, Path runDir)
      throws IOException, InterruptedException {
    Map<String, Object> summary = header(sc.target());
    Histogram soFar = Histograms.newNanos();
    Histogram interval = Histograms.newNanos();
    Object lock = new Object();
    Consumer<Histogram> onInterval =
        h -> {
          synchronized (lock) {
            soFar.add(h);
            interval.add(h);
          }
        };
    try (Target target = Target.open(sc, java, sc.echo(), runDir, log)) {
      List<WorkerProcess> workers =
          startWorkers(sc, target, 0, 0, sc.players(), false, runDir, onInterval);
      try {
        awaitReady(sc, workers);
        long startEpochMs = System.currentTimeMillis() + GO_DELAY_MS;
        for (WorkerProcess w : workers) {
          w.send("GO " + startEpochMs);
        }
        Path hlog = runDir.resolve("latency.hlog");
        PromText before = null;
        PromText after = null;
        ServerProfile profile = null;
        try (PrintStream hout = new PrintStream(Files.newOutputStream(hlog), true, "UTF-8")) {
          HistogramLogWriter writer = new HistogramLogWriter(hout);
          writer.outputLogFormatVersion();
          writer.outputStartTime(startEpochMs);
          writer.setBaseTime(startEpochMs);
          writer.outputLegend();
          long measureStartMs = startEpochMs + sc.warmupMs();
          long endMs = measureStartMs + sc.durationMs();
          long deadlineMs = endMs + sc.drainMs() + 60_000;
          long nextMs = startEpochMs + 1_000;
          long lastReplies = 0;
          long lastTickMs = startEpochMs;
          while (!allDone(workers) && System.currentTimeMillis() < deadlineMs) {
            long sleep = nextMs - System.currentTimeMillis();
            if (sleep > 0) {
              TimeUnit.MILLISECONDS.sleep(sleep);
            }
            long now = System.currentTimeMillis();
            nextMs += 1_000;
            if (before == null && now >= measureStartMs && !sc.echo()) {
              before = target.scrape();
            }
            if (profile == null && now >= measureStartMs && !sc.profile().isEmpty()) {
              profile =
                  ServerProfile.start(
                      sc.profile(), target.pid(), sc.target(), runDir, sc.out(), log);
            }
            if (after == null && now >= endMs && !sc.echo()) {
              after = target.scrape();
            }
            if (profile != null && now >= endMs) {
              profile.stop(log);
            }
            Histogram tick;
            synchronized (lock) {
              tick = interval.copy();
              interval.reset();
            }
            tick.setStartTimeStamp(lastTickMs);
            tick.setEndTimeStamp(now);
            writer.outputIntervalHistogram(tick);
            long replies = 0;
            long errors = 0;
            long connected = 0;
            for (WorkerProcess w : workers) {
              replies += w.replies;
              errors += w.errors;
              connected += w.connected - w.closed;
            }
            double achieved = (replies - lastReplies) * 1000.0 / Math.max(1, now - lastTickMs);
            lastReplies = replies;
            lastTickMs = now;
            String phase = now < measureStartMs ? "warmup" : now < endMs ? "measuring" : "draining";
            double p50;
            double p99;
            synchronized (lock) {
              p50 = soFar.getValueAtPercentile(50) / 1e6;
              p99 = soFar.getValueAtPercentile(99) / 1e6;
            }
            log.line(
                String.format(
                    "[%4ds] %-9s | connected %d | offered %.0f/s achieved %.0f/s | p50 %.3f ms"
                        + " p99 %.3f ms | errors %d",
                    (now - startEpochMs) / 1000,
                    phase,
                    connected,
                    sc.rate(),
                    achieved,
                    p50,
                    p99,
                    errors));
          }
        }
        if (!sc.echo() && after == null) {
          after = target.scrape();
        }
        if (profile != null) {
          profile.stop(log); // when the run ended early
        }
        for (WorkerProcess w : workers) {
          if (!w.done.await(10, TimeUnit.SECONDS)) {
            log.line("worker " + w.index + " did not report its results in time");
          }
        }
        Map<String, Histogram> wholeRun = new LinkedHashMap<>();
        Report.load(summary, sc, workers, before, after, wholeRun);
        HtmlReport.writeTagged(runDir.resolve(HtmlReport.HISTOGRAMS_FILE), wholeRun);
        if (target.safepointLog() != null) {
          summary.put(
              "serverPauses",
              SafepointLog.pauses(
                  target.safepointLog(),
                  startEpochMs + sc.warmupMs(),
                  startEpochMs + sc.warmupMs() + sc.durationMs()));
        }
        summary.put("histogramLog", hlog.toString());
        if (profile != null) {
          summary.put("profile", profile.summary());
        }
      } finally {
        for (WorkerProcess w : workers) {
          w.stop(15_000);
        }
      }
    }
    return summary;
  }

  private static boolean allDone(List<WorkerProcess> workers) {
    for (WorkerProcess w : workers) {
      if (w.done.getCount() > 0) {
        return false;
      }
    }
    return true;
  }

  private List<WorkerProcess> startWorkers(
      Scenario sc,
      Target target,
      int firstWorker,
      int firstPlayer,
      int connections,
      boolean idle,
      Path runDir,
      Consumer<Histogram> onInterval)
      throws IOException {
    int n = sc.workers(connections);
    List<WorkerProcess> workers = new ArrayList<>();
    int first = firstPlayer;
    for (int i = 0; i < n; i++) {
      int share = connections / n + (i < connections % n ? 1 : 0);
      workers.add(
          WorkerProcess.start(
              java, sc, target.wsUrl(), firstWorker + i, first, share, idle, runDir, onInterval));
      first += share;
    }
    log.line(
        "started "
            + n
            + " client process"
            + (n == 1 ? "" : "es")
            + " for "
            + connections
            + " players (source addresses 127.0.0."
            + (firstWorker + 2)
            + (n > 1 ? "-127.0.0." + (firstWorker + n + 1) : "")
            + ")");
    return workers;
  }

  private void awaitReady(Scenario sc, List<WorkerProcess> workers)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + (sc.rampUpMs() + 120_000) * 1_000_000L;
    while (true) {
      boolean all = true;
      long connected = 0;
      long failed = 0;
      for (WorkerProcess w : workers) {
        all &= w.ready.getCount() == 0;
        connected += w.connected;
        failed += w.failed;
      }
      if (all) {
        log.line("ready: " + connected + " players connected, " + failed + " failed");
        if (connected == 0) {
          throw new IOException(
              "no player could connect to " + sc.target() + "; see the worker logs in " + sc.out());
        }
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the players did not connect in time (" + connected + " did)");
      }
      log.line("connecting: " + connected + " joined, " + failed + " failed");
      TimeUnit.SECONDS.sleep(1);
    }
  }

  /**
   * The idle-memory mode, per count N: a fresh server, a tenth of N idle joined players to warm it
   * (code compiled, pools created), a reading after a full collection, then the other nine tenths,
   * and a second reading: the difference divided by those players is the marginal memory of one
   * idle connection.
   */
  private Map<String, Object> idle(Path out) throws IOException, InterruptedException {
    Map<String, Object> summary = header("cairn");
    List<Object> steps = new ArrayList<>();
    Scenario sc = scenario.withTarget("cairn"); // the echo server has no metrics to read
    for (int n : sc.idleConnections()) {
      Path runDir = Files.createDirectories(out.resolve("idle-" + n));
      int warm = Math.max(1, n / 10);
      List<WorkerProcess> workers = new ArrayList<>();
      try (Target target = Target.open(sc, java, false, runDir, log)) {
        workers.addAll(startWorkers(sc, target, 0, 0, warm, true, runDir, h -> {}));
        awaitReady(sc, workers);
        TimeUnit.MILLISECONDS.sleep(SETTLE_MS);
        boolean gc = target.collectGarbage();
        PromText base = target.scrape();
        boolean nmt = NativeMemory.tracked(sc.serverJavaOpts());
        Path nativeBase = runDir.resolve("native-memory-base.txt");
        nmt = nmt && target.nativeMemory(nativeBase);
        List<WorkerProcess> rest =
            startWorkers(sc, target, workers.size(), warm, n - warm, true, runDir, h -> {});
        workers.addAll(rest);
        awaitReady(sc, workers);
        TimeUnit.MILLISECONDS.sleep(SETTLE_MS);
        gc &= target.collectGarbage();
        PromText loaded = target.scrape();
        Path histogram = runDir.resolve("class-histogram.txt");
        boolean wroteHistogram = target.classHistogram(histogram);
        Path nativeLoaded = runDir.resolve("native-memory.txt");
        nmt = nmt && target.nativeMemory(nativeLoaded);
        long warmConnected = 0;
        long added = 0;
        for (WorkerProcess w : workers) {
          if (rest.contains(w)) {
            added += w.connected;
          } else {
            warmConnected += w.connected;
          }
        }
        Map<String, Object> step = Report.idleStep(n, warmConnected, added, base, loaded, gc);
        if (wroteHistogram) {
          step.put("classHistogram", histogram.toString());
        }
        if (nmt) {
          step.put(
              "nativeBytesPerConnection",
              NativeMemory.perConnection(
                  NativeMemory.committed(Files.readString(nativeBase)),
                  NativeMemory.committed(Files.readString(nativeLoaded)),
                  added));
          step.put("nativeMemory", nativeLoaded.toString());
        }
        steps.add(step);
        log.line("idle " + n + ": " + step);
      } finally {
        for (WorkerProcess w : workers) {
          w.send("STOP");
          w.stop(15_000);
        }
      }
    }
    summary.put("idle", steps);
    return summary;
  }
}
