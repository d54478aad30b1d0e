package io.cairn.engine.journal;

import static io.cairn.engine.journal.JournalFixture.append;
import static io.cairn.engine.journal.JournalFixture.config;
import static io.cairn.engine.journal.JournalFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.engine.journal.JournalFixture.Collector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery after crashes (torn tails) and after damage (refused). */
class JournalRecoveryTest {
  private static final long SEGMENT_BYTES = 64 * 1024;

  @TempDir Path dir;

  /** Records 0..count-1, flushed in batches of {@code batch}; returns positions plus the end. */
  private static List<Long> writeJournal(Path dir, int count, int lastBatch) {
    List<Long> positions = new ArrayList<>();
    try (Journal journal =
        Journal.open(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < count; i++) {
        positions.add(append(journal, i));
        if (i < count - lastBatch && i % 7 == 6 || i == count - lastBatch - 1) {
          journal.flush();
        }
      }
      positions.add(journal.flush());
    }
    return positions;
  }

  /** Bytes after {@code from} up to the last non-zero one: what recovery reports as dropped. */
  private static long dataBytes(byte[] content, long from) {
    int end = content.length;
    while (end > from && content[end - 1] == 0) {
      end--;
    }
    return end - from;
  }

  private static Path segment0(Path dir) {
    return Segments.path(dir, 0);
  }

  private static void assertRecoveredPrefix(Collector collector, int count) {
    assertThat(collector.records).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(collector.records.get(i).payload()).isEqualTo(payload(i));
    }
  }

  /** Recovers, checks the prefix survived, appends one more record and checks it survives too. */
  private static void assertRecoversAndAppendsAgain(
      Path dir, int expectedRecords, long expectedEnd, long expectedDropped) {
    Collector collector = new Collector();
    try (Journal journal =
        Journal.open(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0, collector)) {
      assertRecoveredPrefix(collector, expectedRecords);
      assertThat(journal.recovery().endPosition()).isEqualTo(expectedEnd);
      assertThat(journal.recovery().bytesDropped()).isEqualTo(expectedDropped);
      append(journal, expectedRecords);
      journal.flush();
    }
    Collector after = JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0);
    assertRecoveredPrefix(after, expectedRecords + 1);
    assertThat(after.report.bytesDropped()).isZero();
  }

  @Test
  void dropsALastRecordTornAtEveryByteAndKeepsAllEarlierRecords() throws IOException {
    Path golden = dir.resolve("golden");
    List<Long> positions = writeJournal(golden, 40, 1);
    byte[] bytes = Files.readAllBytes(segment0(golden));
    long lastStart = positions.get(39);
    long end = positions.get(40);
    assertThat(bytes.length).isEqualTo((int) end);

    for (long cut = lastStart; cut < end; cut++) {
      Path trial = dir.resolve("cut-" + cut);
      Files.createDirectories(trial);
      byte[] torn = Arrays.copyOf(bytes, (int) cut);
      Files.write(segment0(trial), torn);
      assertRecoversAndAppendsAgain(trial, 39, lastStart, dataBytes(torn, lastStart));
    }
  }

  @Test
  void dropsEveryIncompleteRecordOfALastBatchTornAtEveryByte() throws IOException {
    Path golden = dir.resolve("golden");
    int count = 30;
    int lastBatch = 6;
    List<Long> positions = writeJournal(golden, count, lastBatch);
    byte[] bytes = Files.readAllBytes(segment0(golden));
    long batchStart = positions.get(count - lastBatch);

    for (long cut = batchStart; cut < positions.get(count); cut++) {
      int complete = 0;
      while (positions.get(complete + 1) <= cut) {
        complete++;
      }
      Path trial = dir.resolve("cut-" + cut);
      Files.createDirectories(trial);
      byte[] torn = Arrays.copyOf(bytes, (int) cut);
      Files.write(segment0(trial), torn);
      assertRecoversAndAppendsAgain(
          trial, complete, positions.get(complete), dataBytes(torn, positions.get(complete)));
    }
  }

  @Test
  void dropsALastBatchTailOverwrittenWithZerosOrGarbage() throws IOException {
    Path golden = dir.resolve("golden");
    int count = 30;
    List<Long> positions = writeJournal(golden, count, 6);
    byte[] bytes = Files.readAllBytes(segment0(golden));
    Random random = new Random(7);
    for (long cut = positions.get(count - 6); cut < positions.get(count); cut += 3) {
      int complete = 0;
      while (complete < count
          && positions.get(complete) + RecordDescriptor.HEADER_LENGTH + payload(complete).length
              <= cut) {
        complete++;
      }
      for (String fill : List.of("zeros", "garbage")) {
        byte[] damaged = bytes.clone();
        for (int b = (int) cut; b < damaged.length; b++) {
          damaged[b] = fill.equals("zeros") ? 0 : (byte) random.nextInt(256);
        }
        Path trial = dir.resolve(fill + "-" + cut);
        Files.createDirectories(trial);
        Files.write(segment0(trial), damaged);
        assertRecoversAndAppendsAgain(
            trial, complete, positions.get(complete), dataBytes(damaged, positions.get(complete)));
      }
    }
  }

  @Test
  void dropsTheRestOfATornLastFlushWhosePagesReachedTheDiskOutOfOrder() throws IOException {
    List<Long> positions = writeJournal(dir, 30, 10);
    byte[] bytes = Files.readAllBytes(segment0(dir));
    int lost = 23;
    Arrays.fill(
        bytes, (int) (long) positions.get(lost), (int) (long) positions.get(lost + 1), (byte) 0);
    Files.write(segment0(dir), bytes);
    assertRecoversAndAppendsAgain(
        dir, lost, positions.get(lost), dataBytes(bytes, positions.get(lost)));
  }

  @Test
  void refusesDamageInAnEarlierFlushFollowedByTheLastFlush() throws IOException {
    List<Long> positions = writeJournal(dir, 30, 10);
    byte[] bytes = Files.readAllBytes(segment0(dir));
    int lost = 15;
    Arrays.fill(
        bytes, (int) (long) positions.get(lost), (int) (long) positions.get(lost + 1), (byte) 0);
    Files.write(segment0(dir), bytes);
    assertThatThrownBy(
            () -> JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("file offset " + positions.get(lost))
        .hasMessageContaining("frame length 0")
        .hasMessageContaining("outside the last flush follows at file offset " + positions.get(20));
  }

  @Test
  void dropsZeroOrGarbageBytesTrailingTheLastRecord() throws IOException {
    List<Long> positions = writeJournal(dir, 20, 1);
    long end = positions.get(20);
    Files.write(segment0(dir), new byte[4096], java.nio.file.StandardOpenOption.APPEND);
    assertRecoversAndAppendsAgain(dir, 20, end, 0);
    assertThat(Files.size(segment0(dir))).isGreaterThan(end);

    long endNow = Files.size(segment0(dir));
    byte[] garbage = new byte[13];
    new Random(3).nextBytes(garbage);
    Files.write(segment0(dir), garbage, java.nio.file.StandardOpenOption.APPEND);
    assertRecoversAndAppendsAgain(dir, 21, endNow, dataBytes(garbage, 0));
  }

  @Test
  void recoversEverythingForcedWhenTheProcessDiesWithPreallocatedZerosAfterTheData()
      throws IOException {
    Path crashed = dir.resolve("crashed");
    Files.createDirectories(crashed);
    List<Long> positions = new ArrayList<>();
    try (Journal journal =
        Journal.open(config(dir.resolve("live"), 4096, FsyncPolicy.ALWAYS), 0, new Collector())) {
      for (int i = 0; i < 150; i++) {
        positions.add(append(journal, i));
        if (i % 9 == 8) {
          journal.flush();
        }
      }
      positions.add(journal.flush());
      long[] bases = Segments.list(dir.resolve("live"));
      assertThat(bases.length).isGreaterThan(2);
      for (long base : bases) {
        Files.copy(Segments.path(dir.resolve("live"), base), Segments.path(crashed, base));
      }
      Path active = Segments.path(crashed, bases[bases.length - 1]);
      assertThat(Files.size(active))
          .as("the active segment is preallocated past its data")
          .isGreaterThan(journal.position() - bases[bases.length - 1]);
      for (int s = 0; s + 1 < bases.length; s++) {
        assertThat(Files.size(Segments.path(crashed, bases[s])))
            .as("a rolled segment ends with its data")
            .isEqualTo(bases[s + 1] - bases[s]);
      }
    }
    assertThat(
            Files.size(
                Segments.path(
                    dir.resolve("live"),
                    Segments.list(dir.resolve("live"))[
                        Segments.list(dir.resolve("live")).length - 1])))
        .as("close cuts the preallocated zeros")
        .isEqualTo(
            positions.get(150)
                - Segments.list(dir.resolve("live"))[
                    Segments.list(dir.resolve("live")).length - 1]);

    Collector collector = JournalFixture.replay(config(crashed, 4096, FsyncPolicy.ALWAYS), 0);
    assertRecoveredPrefix(collector, 150);
    assertThat(collector.report.bytesDropped()).isZero();
    assertThat(collector.report.endPosition()).isEqualTo(positions.get(150));
  }

  @Test
  void recoversAnEmptyLastSegmentAndAppendsIntoIt() throws IOException {
    List<Long> positions;
    try (Journal journal = Journal.open(config(dir, 1024, FsyncPolicy.NEVER), 0, new Collector())) {
      positions = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        positions.add(append(journal, i));
      }
      positions.add(journal.flush());
    }
    long[] bases = Segments.list(dir);
    long lastBase = bases[bases.length - 1];
    Files.write(Segments.path(dir, lastBase), new byte[0]);
    int survivors = positions.indexOf(lastBase);
    try (Journal journal = Journal.open(config(dir, 1024, FsyncPolicy.NEVER), 0, new Collector())) {
      assertThat(journal.recovery().recordsReplayed()).isEqualTo(survivors);
      assertThat(journal.position()).isEqualTo(lastBase);
      append(journal, survivors);
      journal.flush();
    }
    Collector collector = JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), 0);
    assertRecoveredPrefix(collector, survivors + 1);
  }

  @Test
  void refusesAFlippedByteInTheMiddleNamingSegmentOffsetAndRemedy() throws IOException {
    List<Long> positions = writeJournal(dir, 50, 1);
    byte[] bytes = Files.readAllBytes(segment0(dir));
    int damagedRecord = 20;
    long recordStart = positions.get(damagedRecord);
    bytes[(int) recordStart + RecordDescriptor.HEADER_LENGTH + 3] ^= 0x40;
    Files.write(segment0(dir), bytes);

    assertThatThrownBy(
            () -> JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.segment()).isEqualTo(segment0(dir));
              assertThat(e.fileOffset()).isEqualTo(recordStart);
            })
        .hasMessageContaining(segment0(dir).toString())
        .hasMessageContaining("file offset " + recordStart)
        .hasMessageContaining("CRC32C")
        .hasMessageContaining(
            "intact record from outside the last flush follows at file offset "
                + positions.get(damagedRecord + 1))
        .hasMessageContaining("restore")
        .hasMessageContaining("backup")
        .hasMessageContaining("latest snapshot");
    assertThat(Files.readAllBytes(segment0(dir)))
        .as("nothing is cut from a corrupted journal")
        .isEqualTo(bytes);
  }

  @Test
  void refusesADamagedLengthFieldFollowedByValidRecords() throws IOException {
    List<Long> positions = writeJournal(dir, 50, 1);
    byte[] bytes = Files.readAllBytes(segment0(dir));
    int at = (int) (long) positions.get(10) + RecordDescriptor.FRAME_LENGTH_OFFSET;
    bytes[at + 2] = 0x7f;
    Files.write(segment0(dir), bytes);
    assertThatThrownBy(
            () -> JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("runs past the end of the file");
  }

  @Test
  void refusesATornRecordAtTheEndOfASegmentThatHasASuccessor() throws IOException {
    try (Journal journal = Journal.open(config(dir, 1024, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < 60; i++) {
        append(journal, i);
      }
      journal.flush();
    }
    long[] bases = Segments.list(dir);
    assertThat(bases.length).isGreaterThan(2);
    Path second = Segments.path(dir, bases[1]);
    long secondSize = Files.size(second);
    try (var channel =
        java.nio.channels.FileChannel.open(second, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(secondSize - 5);
    }
    assertThatThrownBy(() -> JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining(second.toString())
        .hasMessageContaining("later segments follow");
  }

  @Test
  void refusesAMissingSegmentBetweenTwoOthers() throws IOException {
    try (Journal journal = Journal.open(config(dir, 1024, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < 60; i++) {
        append(journal, i);
      }
      journal.flush();
    }
    long[] bases = Segments.list(dir);
    assertThat(bases.length).isGreaterThan(2);
    Files.delete(Segments.path(dir, bases[1]));
    assertThatThrownBy(() -> JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("starts at position " + bases[2])
        .hasMessageContaining("missing");
  }

  @Test
  void refusesIntactRecordsInTheWrongPlaceInsteadOfCuttingThem() throws IOException {
    byte[] payload = new byte[40];
    List<Long> positions = new ArrayList<>();
    try (Journal journal =
        Journal.open(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0, new Collector())) {
      for (int i = 0; i < 5; i++) {
        payload[0] = (byte) i;
        positions.add(journal.position());
        journal.append(1, new org.agrona.concurrent.UnsafeBuffer(payload), 0, payload.length);
      }
      positions.add(journal.flush());
    }
    byte[] bytes = Files.readAllBytes(segment0(dir));
    int recordBytes = (int) (positions.get(1) - positions.get(0));
    byte[] swapped = bytes.clone();
    System.arraycopy(bytes, 3 * recordBytes, swapped, 4 * recordBytes, recordBytes);
    System.arraycopy(bytes, 4 * recordBytes, swapped, 3 * recordBytes, recordBytes);
    Files.write(segment0(dir), swapped);
    assertThatThrownBy(
            () -> JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("file offset " + 3 * recordBytes)
        .hasMessageContaining("checksum is intact");
    assertThat(Files.readAllBytes(segment0(dir))).isEqualTo(swapped);

    Files.write(segment0(dir), bytes);
    Path misnamed = Segments.path(dir, 8);
    Files.move(segment0(dir), misnamed);
    assertThatThrownBy(
            () -> JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), 0))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining(misnamed.toString())
        .hasMessageContaining("misplaced or misnamed");
    assertThat(Files.readAllBytes(misnamed)).isEqualTo(bytes);
  }

  @Test
  void startsAtTheFirstSegmentWhenOlderSegmentsWereDeletedAfterASnapshot() throws IOException {
    List<Long> positions = new ArrayList<>();
    long snapshotPosition;
    int deleted;
    try (Journal journal =
        Journal.open(config(dir, 1024, FsyncPolicy.ALWAYS), 0, new Collector())) {
      for (int i = 0; i < 100; i++) {
        positions.add(append(journal, i));
        if (i % 10 == 9) {
          journal.flush();
        }
      }
      snapshotPosition = positions.get(70);
      deleted = journal.deleteSegmentsBefore(snapshotPosition);
      assertThat(deleted).isPositive();
      for (int i = 100; i < 120; i++) {
        positions.add(append(journal, i));
      }
      journal.flush();
    }
    long firstBase = Segments.list(dir)[0];
    assertThat(firstBase).isPositive().isLessThanOrEqualTo(snapshotPosition);

    Collector fromSnapshot =
        JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), snapshotPosition);
    assertThat(fromSnapshot.records).hasSize(120 - 70);
    assertThat(fromSnapshot.records.getFirst().payload()).isEqualTo(payload(70));

    Collector fromStart = JournalFixture.replay(config(dir, 1024, FsyncPolicy.NEVER), 0);
    int firstKept = positions.indexOf(firstBase);
    assertThat(fromStart.report.replayStartPosition()).isEqualTo(firstBase);
    assertThat(fromStart.records).hasSize(120 - firstKept);
    assertThat(fromStart.records.getFirst().payload()).isEqualTo(payload(firstKept));
  }

  @Test
  void skipsDamageBeforeTheRecoveryPositionWhenTheRecordThereIsValid() throws IOException {
    List<Long> positions = writeJournal(dir, 50, 1);
    byte[] bytes = Files.readAllBytes(segment0(dir));
    bytes[(int) (long) positions.get(5) + RecordDescriptor.HEADER_LENGTH] ^= 1;
    Files.write(segment0(dir), bytes);
    Collector collector =
        JournalFixture.replay(config(dir, SEGMENT_BYTES, FsyncPolicy.NEVER), positions.get(30));
    assertThat(collector.records).hasSize(20);
    assertThat(collector.records.getFirst().payload()).isEqualTo(payload(30));
  }
}
