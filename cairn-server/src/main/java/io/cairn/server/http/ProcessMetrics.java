package io.cairn.server.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Process figures a load test needs and the JVM binders do not give: resident memory, CPU time, the
 * CPU time of the garbage collector's threads, exact allocated bytes, and a histogram of GC pauses
 * fine enough for sub-millisecond ZGC pauses. Read when scraped, never on the request path.
 */
final class ProcessMetrics {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double NS_PER_S = 1e9;

  /** Clock ticks per second of {@code /proc/.../stat} times; 100 on every Linux Cairn runs on. */
  private static final double TICKS_PER_S = 100.0;

  private ProcessMetrics() {}

  /**
   * Makes {@code jvm.gc.pause} a percentile histogram from 1 us to 10 s; must run before the GC
   * binder registers the timer.
   */
  static void configureGcPauseHistogram(MeterRegistry registry) {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  io.micrometer.core.instrument.Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("jvm.gc.pause")) {
                  return config;
                }
                return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) Duration.ofNanos(1_000).toNanos())
                    .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                    .build()
                    .merge(config);
              }
            });
  }

  static void bindTo(MeterRegistry registry) {
    Gauge.builder("process.resident.memory", ProcessMetrics::residentBytes)
        .description("Resident set size of the server process (VmRSS of /proc/self/status)")
        .baseUnit("bytes")
        .register(registry);
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      FunctionCounter.builder("cairn.process.cpu", sun, b -> b.getProcessCpuTime() / NS_PER_S)
          .description("CPU time used by the server process, all threads")
          .baseUnit("seconds")
          .register(registry);
    }
    FunctionCounter.builder("cairn.gc.cpu", TASKS, ProcessMetrics::gcThreadCpuSeconds)
        .description(
            "CPU time of the garbage collector's own threads (ZGC Z*, G1 and parallel GC threads)")
        .baseUnit("seconds")
        .register(registry);
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()) {
      threads.setThreadAllocatedMemoryEnabled(true);
      FunctionCounter.builder(
              "cairn.jvm.allocated", threads, t -> (double) t.getTotalThreadAllocatedBytes())
          .description("Bytes allocated on the heap by all threads since the start (exact)")
          .baseUnit("bytes")
          .register(registry);
    }
  }

  /** VmRSS in bytes, or NaN off Linux. */
  static double residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim();
          return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Sum of user and system time of the threads the GC runs on, or NaN off Linux. */
  static double gcThreadCpuSeconds(Path tasks) {
    long ticks = 0;
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        ticks += gcTicks(task.resolve("stat"));
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return ticks / TICKS_PER_S;
  }

  private static long gcTicks(Path stat) {
    String text;
    try {
      text = Files.readString(stat, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return 0; // the thread ended between the listing and the read
    }
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 0 || close < open || !isGcThread(text.substring(open + 1, close))) {
      return 0;
    }
    // after "(comm) ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    // utime stime: fields 12 and 13 counting from the state
    String[] fields = text.substring(close + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** Thread names (as cut to 15 characters by Linux) of ZGC, G1 and the parallel collectors. */
  static boolean isGcThread(String comm) {
    return comm.startsWith("ZWorker")
        || comm.startsWith("ZDriver")
        || comm.startsWith("ZDirector")
        || comm.startsWith("ZUncommitter")
        || comm.startsWith("ZStat")
        || comm.startsWith("GC Thread")
        || comm.startsWith("G1 ");
  }
}
