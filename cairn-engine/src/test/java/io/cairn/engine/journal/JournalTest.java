package io.cairn.engine.journal;

import static io.cairn.engine.journal.JournalFixture.append;
import static io.cairn.engine.journal.JournalFixture.config;
import static io.cairn.engine.journal.JournalFixture.payload;
import static io.cairn.engine.journal.JournalFixture.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.engine.journal.JournalFixture.Collector;
import io.cairn.engine.journal.JournalFixture.Replayed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static void assertRecords(List<Replayed> replayed, List<Long> positions, int first) {
    assertThat(replayed).hasSize(positions.size() - first);
    for (int k = 0; k < replayed.size(); k++) {
      int i = first + k;
      Replayed record = replayed.get(k);
      assertThat(record.position()).as("position of record %d", i).isEqualTo(positions.get(i));
      assertThat(record.type()).as("type of record %d", i).isEqualTo(type(i));
      assertThat(record.payload()).as("payload of record %d", i).isEqualTo(payload(i));
    }
  }

  private static long[] segments(Path dir) throws IOException {
    return Segments.list(dir);
  }

  @Test
  void replaysEveryRecordAcrossSegmentsInOrderAfterReopen() throws IOException {
    List<Long> positions = new ArrayList<>();
    Random random = new Random(42);
    try (Journal journal = Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 0, new Collector())) {
      assertThat(journal.recovery().recordsReplayed()).isZero();
      int i = 0;
      while (i < 3000) {
        int batch = 1 + random.nextInt(120);
        for (int k = 0; k < batch && i < 3000; k++, i++) {
          positions.add(append(journal, i));
        }
        assertThat(journal.flush()).isEqualTo(journal.position());
      }
    }
    long[] bases = segments(dir);
    assertThat(bases.length).isGreaterThan(10);
    for (int s = 1; s < bases.length; s++) {
      assertThat(Files.size(Segments.path(dir, bases[s - 1])))
          .as("segment %d fills up to its successor's base", s - 1)
          .isEqualTo(bases[s] - bases[s - 1])
          .isLessThanOrEqualTo(4096);
    }

    Collector collector = new Collector();
    try (Journal journal = Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 0, collector)) {
      assertRecords(collector.records, positions, 0);
      RecoveryReport report = journal.recovery();
      assertThat(report.recordsReplayed()).isEqualTo(3000);
      assertThat(report.bytesDropped()).isZero();
      assertThat(report.endPosition()).isEqualTo(journal.position());
      for (int i = 3000; i < 3100; i++) {
        positions.add(append(journal, i));
      }
      journal.flush();
    }

    Collector again = JournalFixture.replay(config(dir, 4096, FsyncPolicy.NEVER), 0);
    assertRecords(again.records, positions, 0);
  }

  @Test
  void replaysOnlyRecordsAtOrAfterTheRequestedPosition() {
    List<Long> positions = new ArrayList<>();
    try (Journal journal = Journal.open(config(dir, 2048, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < 500; i++) {
        positions.add(append(journal, i));
      }
      journal.flush();
    }
    Collector collector = new Collector();
    try (Journal journal =
        Journal.open(config(dir, 2048, FsyncPolicy.NEVER), positions.get(321), collector)) {
      assertRecords(collector.records, positions, 321);
      assertThat(journal.recovery().replayStartPosition()).isEqualTo(positions.get(321));
    }
  }

  @Test
  void refusesARecoveryPositionInsideARecord() {
    long second;
    try (Journal journal = Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 0, new Collector())) {
      append(journal, 0);
      second = append(journal, 1);
      append(journal, 2);
      journal.flush();
    }
    assertThatThrownBy(
            () -> Journal.open(config(dir, 4096, FsyncPolicy.NEVER), second + 8, new Collector()))
        .isInstanceOf(JournalException.class)
        .isNotInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("not the start of a record")
        .hasMessageContaining(Long.toString(second + 8));
  }

  @Test
  void continuesAtTheRequestedPositionWhenItIsBeyondTheEndOfTheJournal() {
    try (Journal journal = Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 0, new Collector())) {
      append(journal, 0);
      journal.flush();
    }
    try (Journal journal =
        Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 10_000, new Collector())) {
      assertThat(journal.position()).isEqualTo(10_000);
      assertThat(journal.recovery().endPosition()).isEqualTo(10_000);
      append(journal, 1);
      journal.flush();
    }
    assertThat(Files.exists(Segments.path(dir, 10_000))).isTrue();
    Collector collector = JournalFixture.replay(config(dir, 4096, FsyncPolicy.NEVER), 10_000);
    assertThat(collector.records).hasSize(1);
    assertThat(collector.records.getFirst().position()).isEqualTo(10_000);
    assertThat(collector.records.getFirst().payload()).isEqualTo(payload(1));
  }

  @Test
  void startsAFreshJournalAtTheRequestedPositionInAnEmptyDirectory() {
    Path fresh = dir.resolve("not-yet-created");
    try (Journal journal =
        Journal.open(config(fresh, 4096, FsyncPolicy.NEVER), 0, new Collector())) {
      assertThat(journal.position()).isZero();
      assertThat(journal.recovery())
          .isEqualTo(new RecoveryReport(0, 0, journal.recovery().elapsedNs(), 0, 0));
    }
    assertThat(Files.exists(Segments.path(fresh, 0))).isTrue();
  }

  @Test
  void keepsARecordAsLargeAsASegmentAndRefusesALargerOne() {
    try (Journal journal = Journal.open(config(dir, 1024, FsyncPolicy.NEVER), 0, new Collector())) {
      append(journal, 0);
      byte[] big = new byte[1024 - RecordDescriptor.HEADER_LENGTH];
      journal.append(9, new UnsafeBuffer(big), 0, big.length);
      assertThatThrownBy(() -> journal.append(9, new UnsafeBuffer(big), 0, big.length + 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> journal.append(0, new UnsafeBuffer(big), 0, 1))
          .isInstanceOf(IllegalArgumentException.class);
      journal.flush();
    }
    Collector collector = JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), 0);
    assertThat(collector.records).hasSize(2);
    assertThat(collector.records.get(1).payload()).hasSize(1024 - RecordDescriptor.HEADER_LENGTH);
  }

  @Test
  void growsTheBatchBufferForABatchLargerThanItsInitialCapacity() {
    List<Long> positions = new ArrayList<>();
    try (Journal journal =
        Journal.open(config(dir, 1 << 20, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < 5000; i++) {
        positions.add(append(journal, i));
      }
      assertThat(journal.position()).isGreaterThan(Journal.INITIAL_BATCH_BYTES);
      journal.flush();
      assertThat(journal.metrics().maxBatchRecords()).isEqualTo(5000);
    }
    Collector collector = JournalFixture.replay(config(dir, 1 << 20, FsyncPolicy.NEVER), 0);
    assertRecords(collector.records, positions, 0);
  }

  @Test
  void closeFlushesAppendedRecords() {
    try (Journal journal =
        Journal.open(config(dir, 4096, FsyncPolicy.ALWAYS), 0, new Collector())) {
      append(journal, 0);
    }
    Collector collector = JournalFixture.replay(config(dir, 4096, FsyncPolicy.ALWAYS), 0);
    assertThat(collector.records).hasSize(1);
  }

  @Test
  void refusesWritesAfterClose() {
    Journal journal = Journal.open(config(dir, 4096, FsyncPolicy.NEVER), 0, new Collector());
    journal.close();
    journal.close();
    assertThatThrownBy(() -> append(journal, 0))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("closed");
  }
}
