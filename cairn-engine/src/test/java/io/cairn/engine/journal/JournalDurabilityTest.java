package io.cairn.engine.journal;

import static io.cairn.engine.journal.JournalFixture.append;
import static io.cairn.engine.journal.JournalFixture.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.journal.JournalFixture.Collector;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fsync policies, group commit and metrics. */
class JournalDurabilityTest {
  @TempDir Path dir;

  private static void writeBatches(Journal journal, int batches, int recordsPerBatch) {
    int i = 0;
    for (int b = 0; b < batches; b++) {
      for (int r = 0; r < recordsPerBatch; r++) {
        append(journal, i++);
      }
      journal.flush();
    }
  }

  @Test
  void alwaysForcesOncePerFlushHoweverManyRecordsTheBatchHolds() {
    try (Journal journal =
        Journal.open(config(dir, 1 << 20, FsyncPolicy.ALWAYS), 0, new Collector())) {
      writeBatches(journal, 12, 25);
      JournalMetrics metrics = journal.metrics();
      assertThat(metrics.batches()).isEqualTo(12);
      assertThat(metrics.records()).isEqualTo(300);
      assertThat(metrics.bytes()).isEqualTo(journal.position());
      assertThat(metrics.fsyncs()).isEqualTo(12);
      assertThat(metrics.maxBatchRecords()).isEqualTo(25);
      assertThat(metrics.totalFsyncNs()).isPositive().isGreaterThanOrEqualTo(metrics.lastFsyncNs());
    }
  }

  @Test
  void neverForcesUnderNever() {
    try (Journal journal =
        Journal.open(config(dir, 1 << 20, FsyncPolicy.NEVER), 0, new Collector())) {
      writeBatches(journal, 12, 25);
      assertThat(journal.metrics().batches()).isEqualTo(12);
      assertThat(journal.metrics().fsyncs()).isZero();
      assertThat(journal.metrics().totalFsyncNs()).isZero();
    }
  }

  @Test
  void intervalForcesOnlyOnceTheIntervalHasPassed() throws InterruptedException {
    JournalConfig everyHour =
        new JournalConfig(dir, 1 << 20, FsyncPolicy.INTERVAL, 3_600_000_000_000L);
    try (Journal journal = Journal.open(everyHour, 0, new Collector())) {
      writeBatches(journal, 10, 3);
      assertThat(journal.metrics().fsyncs()).isZero();
      journal.force();
      assertThat(journal.metrics().fsyncs()).isEqualTo(1);
      journal.force();
      assertThat(journal.metrics().fsyncs()).as("nothing new to force").isEqualTo(1);
    }

    JournalConfig everySecond =
        new JournalConfig(dir.resolve("short"), 1 << 20, FsyncPolicy.INTERVAL, 1_000_000_000L);
    try (Journal journal = Journal.open(everySecond, 0, new Collector())) {
      writeBatches(journal, 1, 3);
      long before = journal.metrics().fsyncs();
      Thread.sleep(1_100);
      writeBatches(journal, 1, 3);
      assertThat(journal.metrics().fsyncs())
          .as("forced once the interval passed")
          .isEqualTo(before + 1);
      writeBatches(journal, 1, 3);
      assertThat(journal.metrics().fsyncs())
          .as("not again within the interval")
          .isEqualTo(before + 1);
    }
  }

  @Test
  void doesNotCountAnEmptyFlushAsABatch() {
    try (Journal journal =
        Journal.open(config(dir, 1 << 20, FsyncPolicy.ALWAYS), 0, new Collector())) {
      assertThat(journal.flush()).isZero();
      assertThat(journal.metrics().batches()).isZero();
      assertThat(journal.metrics().fsyncs()).isZero();
    }
  }

  @Test
  void forcesTheFullSegmentBeforeRollingUnderAlways() {
    try (Journal journal =
        Journal.open(config(dir, 1024, FsyncPolicy.ALWAYS), 0, new Collector())) {
      writeBatches(journal, 1, 60);
      long segments = journal.position() / 1024 + 1;
      assertThat(journal.metrics().fsyncs()).isBetween(segments - 1, segments + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FsyncPolicy.class,
      names = {"ALWAYS", "NEVER"})
  void appendsAndFlushesWithoutAllocatingInSteadyState(FsyncPolicy fsync) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().threadId();
    UnsafeBuffer payload = new UnsafeBuffer(new byte[48]);
    int flushes = fsync == FsyncPolicy.ALWAYS ? 20 : 200;
    try (Journal journal = Journal.open(config(dir, 1 << 30, fsync), 0, new Collector())) {
      for (int i = 0; i < 10_000; i++) {
        journal.append(1, payload, 0, 48);
      }
      journal.flush();
      long leastByAppends = Long.MAX_VALUE;
      long leastByFlushes = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        long before = threads.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < 5_000; i++) {
          journal.append(1, payload, 0, 48);
        }
        long afterAppends = threads.getThreadAllocatedBytes(threadId);
        journal.flush();
        for (int b = 0; b < flushes; b++) {
          for (int i = 0; i < 16; i++) {
            journal.append(1, payload, 0, 48);
          }
          journal.flush();
        }
        long afterFlushes = threads.getThreadAllocatedBytes(threadId);
        leastByAppends = Math.min(leastByAppends, afterAppends - before);
        leastByFlushes = Math.min(leastByFlushes, afterFlushes - afterAppends);
      }
      assertThat(leastByAppends).as("bytes allocated by 5,000 appends").isZero();
      assertThat(leastByFlushes)
          .as("bytes allocated by %d flushes of 16 records", flushes)
          .isZero();
    }
  }

  @Test
  void recoveryReportsTheTimeItTook() {
    try (Journal journal =
        Journal.open(config(dir, 1 << 20, FsyncPolicy.NEVER), 0, new Collector())) {
      writeBatches(journal, 3, 100);
    }
    Collector collector = JournalFixture.replay(config(dir, 1 << 20, FsyncPolicy.NEVER), 0);
    assertThat(collector.report.recordsReplayed()).isEqualTo(300);
    assertThat(collector.report.elapsedNs()).isPositive();
  }
}
