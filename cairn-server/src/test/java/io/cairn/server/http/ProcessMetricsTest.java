package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {
  @Test
  void exposesResidentMemoryCpuGcCpuAndExactAllocation() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      String text = metrics.scrape();
      assertThat(text)
          .containsPattern("(?m)^process_resident_memory_bytes [1-9]")
          .containsPattern("(?m)^cairn_process_cpu_seconds_total [0-9]")
          .containsPattern("(?m)^cairn_gc_cpu_seconds_total [0-9]")
          .containsPattern("(?m)^cairn_jvm_allocated_bytes_total [1-9]");
    }
  }

  @Test
  void gcPausesAreAHistogramWithSubMillisecondBuckets() throws InterruptedException {
    try (ServerMetrics metrics = new ServerMetrics()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      String text = metrics.scrape();
      while (!text.contains("jvm_gc_pause_seconds_bucket") && System.nanoTime() < deadline) {
        System.gc(); // the pause timer appears with the first collection it is told about
        Thread.sleep(50);
        text = metrics.scrape();
      }
      // buckets from 1 us (the JVM reports pause durations in whole milliseconds, so a pause under
      // 1 ms counts in the first bucket)
      assertThat(text)
          .containsPattern("jvm_gc_pause_seconds_bucket\\{[^}]*le=\"1\\.0E-6\"")
          .containsPattern("jvm_gc_pause_seconds_bucket\\{[^}]*le=\"9\\.\\d+E-4\"");
    }
  }

  @Test
  void gcThreadsAreRecognisedByTheirLinuxNames() {
    assertThat(ProcessMetrics.isGcThread("ZWorkerYoung#0")).isTrue();
    assertThat(ProcessMetrics.isGcThread("ZDriverMinor")).isTrue();
    assertThat(ProcessMetrics.isGcThread("GC Thread#3")).isTrue();
    assertThat(ProcessMetrics.isGcThread("G1 Conc#0")).isTrue();
    assertThat(ProcessMetrics.isGcThread("epollEventLoopG")).isFalse();
    assertThat(ProcessMetrics.isGcThread("C2 CompilerThre")).isFalse();
    assertThat(ProcessMetrics.gcThreadCpuSeconds(Path.of("/proc/self/task"))).isNotNaN();
    assertThat(ProcessMetrics.gcThreadCpuSeconds(Path.of("/no/such/dir"))).isNaN();
  }
}
