package io.cairn.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.RandomInputs;
import io.cairn.engine.journal.JournalFixture.Collector;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random journals (record sizes, flush sizes, segment sizes) torn at a random place of their last
 * flush, the way a crash leaves them: recovery keeps every record of the earlier flushes and the
 * untouched prefix of the last one, and appending continues. Each seed ({@link RandomInputs}) draws
 * one journal and one tear.
 */
class JournalCrashProperties {
  private static byte[] payload(int index, int length) {
    byte[] payload = new byte[length];
    for (int i = 0; i < length; i++) {
      payload[i] = (byte) (index * 31 + i);
    }
    return payload;
  }

  /** 1 to 120 ints, each in {@code [min, max]}. */
  private static List<Integer> ints(SplittableRandom random, int min, int max) {
    int size = RandomInputs.intBetween(random, 1, 120);
    List<Integer> ints = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ints.add(RandomInputs.intBetween(random, min, max));
    }
    return ints;
  }

  /** Seeds 1 to 150, one journal and tear each. */
  static LongStream seeds() {
    return RandomInputs.seeds(150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void recoversEveryRecordBeforeTheTearInTheLastFlush(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> lengths = ints(random, 0, 200);
    List<Integer> flushSizes = ints(random, 1, 12);
    int segmentChoice = RandomInputs.intBetween(random, 0, 3);
    int tearChoice = RandomInputs.intBetween(random, 0, 1_000_000);
    boolean zeroInsteadOfCut = random.nextBoolean();
    long segmentBytes = new long[] {256, 512, 1024, 8192}[segmentChoice];
    Path dir = Files.createTempDirectory("cairn-journal-property-");
    try {
      JournalConfig config = new JournalConfig(dir, segmentBytes, FsyncPolicy.NEVER, 0);
      List<Long> starts = new ArrayList<>();
      long lastFlushStart = 0;
      try (Journal journal = Journal.open(config, 0, new Collector())) {
        int flush = 0;
        int inFlush = 0;
        for (int i = 0; i < lengths.size(); i++) {
          if (inFlush == 0) {
            lastFlushStart = journal.position();
          }
          starts.add(journal.position());
          byte[] payload = payload(i, Math.min(lengths.get(i), (int) segmentBytes - 24));
          journal.append(1 + i % 3, new UnsafeBuffer(payload), 0, payload.length);
          if (++inFlush == flushSizes.get(flush % flushSizes.size()) || i == lengths.size() - 1) {
            journal.flush();
            flush++;
            inFlush = 0;
          }
        }
        starts.add(journal.position());
      }
      long end = starts.getLast();
      long[] bases = Segments.list(dir);
      long lastBase = bases[bases.length - 1];
      long tearFrom = Math.max(lastFlushStart, lastBase);
      long tearAt = tearFrom + (end > tearFrom ? tearChoice % (end - tearFrom + 1) : 0);
      Path last = Segments.path(dir, lastBase);
      if (zeroInsteadOfCut) {
        byte[] bytes = Files.readAllBytes(last);
        int zeroTo = (int) Math.min(bytes.length, tearAt - lastBase + 1 + tearChoice % 97);
        Arrays.fill(bytes, (int) (tearAt - lastBase), zeroTo, (byte) 0);
        Files.write(last, bytes);
      } else {
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
          channel.truncate(tearAt - lastBase);
        }
      }

      int survivors = 0;
      while (survivors < lengths.size() && starts.get(survivors + 1) <= tearAt) {
        survivors++;
      }
      Collector recovered = JournalFixture.replay(config, 0);
      int kept = recovered.records.size();
      assertThat(kept).as("records recovered").isGreaterThanOrEqualTo(survivors);
      if (!zeroInsteadOfCut) {
        assertThat(kept).isEqualTo(survivors);
      }
      for (int i = 0; i < kept; i++) {
        assertThat(recovered.records.get(i).position()).isEqualTo(starts.get(i));
        assertThat(recovered.records.get(i).payload())
            .isEqualTo(payload(i, Math.min(lengths.get(i), (int) segmentBytes - 24)));
      }
      assertThat(recovered.report.endPosition()).isEqualTo(starts.get(kept));

      try (Journal journal = Journal.open(config, 0, new Collector())) {
        byte[] payload = payload(kept, 10);
        journal.append(7, new UnsafeBuffer(payload), 0, payload.length);
        journal.flush();
      }
      Collector after = JournalFixture.replay(config, 0);
      assertThat(after.records).hasSize(kept + 1);
      assertThat(after.records.getLast().payload()).isEqualTo(payload(kept, 10));
      assertThat(after.report.bytesDropped()).isZero();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
