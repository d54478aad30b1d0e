package io.cairn.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A {@link LoadWorker} child process seen from the coordinator: starts it, follows its report
 * lines, and keeps what it reported. Its stderr goes to {@code worker-N.log} in the run directory.
 */
final class WorkerProcess {
  final int index;
  final int players;
  private final Process process;
  private final Writer stdin;
  private final Consumer<Histogram> intervals;
  final CountDownLatch ready = new CountDownLatch(1);
  final CountDownLatch done = new CountDownLatch(1);

  volatile long connected;
  volatile long failed;
  volatile long sent;
  volatile long replies;
  volatile long errors;
  volatile long closed;

  final Map<Op, Histogram> latencies = new EnumMap<>(Op.class);
  final Map<Op, long[]> counts = new EnumMap<>(Op.class);
  final Map<String, Long> errorCodes = new ConcurrentHashMap<>();
  volatile Histogram join;
  volatile Histogram lag;
  volatile Histogram claimedDelivery;
  volatile long pushes;
  volatile long claimedPushes;

  /** sent, replies, errors, unanswered, outOfOrder, closedEarly, measuredReplies. */
  volatile long[] totals;

  private WorkerProcess(int index, int players, Process process, Consumer<Histogram> intervals) {
    this.index = index;
    this.players = players;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.intervals = intervals;
  }

  /**
   * Starts worker {@code index} with players {@code first .. first+players-1} from source address
   * 127.0.0.{index+2}.
   */
  static WorkerProcess start(
      JavaCommand java,
      Scenario scenario,
      String wsUrl,
      int index,
      int first,
      int players,
      boolean idle,
      Path runDir,
      Consumer<Histogram> intervals)
      throws IOException {
    Properties p = new Properties();
    p.putAll(scenario.toMap());
    p.setProperty("worker.first-player", Integer.toString(first));
    p.setProperty("worker.players", Integer.toString(players));
    p.setProperty("worker.source", "127.0.0." + (2 + index));
    p.setProperty("worker.url", wsUrl);
    p.setProperty("worker.idle", Boolean.toString(idle));
    Path spec = runDir.resolve("worker-" + index + ".properties");
    try (Writer w = Files.newBufferedWriter(spec, StandardCharsets.UTF_8)) {
      p.store(w, "cairn bench worker " + index);
    }
    List<String> cmd =
        java.command(
            List.of("-XX:+UseZGC", "-Xms256m", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"),
            LoadWorker.class.getName(),
            List.of(spec.toString()));
    Process process =
        new ProcessBuilder(cmd)
            .redirectError(runDir.resolve("worker-" + index + ".log").toFile())
            .start();
    WorkerProcess w = new WorkerProcess(index, players, process, intervals);
    Thread reader = new Thread(w::readReports, "bench-worker-" + index);
    reader.setDaemon(true);
    reader.start();
    return w;
  }

  void send(String line) {
    try {
      stdin.write(line + "\n");
      stdin.flush();
    } catch (IOException e) {
      // the worker is gone; its missing report says so
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits for the process to end, ending it after {@code timeoutMs}. */
  void stop(long timeoutMs) throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // already closed
    }
    if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void readReports() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        handle(line.split(" "));
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("worker " + index + ": unreadable report: " + e);
    } finally {
      ready.countDown();
      done.countDown();
    }
  }

  private void handle(String[] f) {
    switch (f[0]) {
      case "C" -> {
        connected = Long.parseLong(f[1]);
        failed = Long.parseLong(f[2]);
      }
      case "READY" -> {
        connected = Long.parseLong(f[1]);
        failed = Long.parseLong(f[2]);
        ready.countDown();
      }
      case "T" -> {
        sent = Long.parseLong(f[1]);
        replies = Long.parseLong(f[2]);
        errors = Long.parseLong(f[3]);
        closed = Long.parseLong(f[4]);
        intervals.accept(Histograms.decode(f[5]));
      }
      case "OP" -> {
        Op op = Op.byKey(f[1]);
        counts.put(op, new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
        latencies.put(op, Histograms.decode(f[4]));
      }
      case "JOIN" -> join = Histograms.decode(f[1]);
      case "LAG" -> lag = Histograms.decode(f[1]);
      case "PUSH" -> {
        pushes = Long.parseLong(f[1]);
        claimedPushes = Long.parseLong(f[2]);
        claimedDelivery = Histograms.decode(f[3]);
      }
      case "ERR" -> errorCodes.merge(f[1] + " " + f[2], Long.parseLong(f[3]), Long::sum);
      case "DONE" -> {
        long[] t = new long[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          t[i - 1] = Long.parseLong(f[i]);
        }
        totals = t;
        done.countDown();
      }
      default -> System.err.println("worker " + index + ": unknown report " + String.join(" ", f));
    }
  }

  /** Error replies by "op code", sorted. */
  Map<String, Long> sortedErrors() {
    return new TreeMap<>(errorCodes);
  }
}
