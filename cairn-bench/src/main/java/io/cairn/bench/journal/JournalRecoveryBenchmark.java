package io.cairn.bench.journal;

import io.cairn.engine.journal.FsyncPolicy;
import io.cairn.engine.journal.Journal;
import io.cairn.engine.journal.JournalConfig;
import io.cairn.engine.journal.RecordHandler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recovery speed: open (verify every CRC32C and replay) a journal of {@value #RECORDS} records of
 * {@value #PAYLOAD_BYTES} payload bytes. The score is records/s (target: at least 1,000,000). The
 * segments are in the page cache, as after a process restart; a cold start after a reboot adds the
 * disk's sequential read time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--sun-misc-unsafe-memory-access=allow",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
    })
@State(Scope.Benchmark)
public class JournalRecoveryBenchmark implements RecordHandler {
  static final int RECORDS = 2_000_000;
  static final int PAYLOAD_BYTES = 64;

  private Path dir;
  private JournalConfig config;
  private long checksum;

  @Setup(Level.Trial)
  public void writeJournal() {
    dir = TempJournalDir.create("cairn-journal-recovery-");
    config = new JournalConfig(dir, 64L << 20, FsyncPolicy.NEVER, 0);
    UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_BYTES]);
    try (Journal journal = Journal.open(config, 0, this)) {
      for (int i = 0; i < RECORDS; i++) {
        payload.putInt(0, i);
        payload.putLong(8, i * 31L);
        journal.append(1 + (i & 7), payload, 0, PAYLOAD_BYTES);
        if ((i & 255) == 255) {
          journal.flush();
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void deleteJournal() {
    TempJournalDir.delete(dir);
  }

  @Override
  public void onRecord(long position, int type, DirectBuffer buffer, int offset, int length) {
    checksum += type + buffer.getLong(offset + 8) + length;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long replayAllRecords() {
    checksum = 0;
    try (Journal journal = Journal.open(config, 0, this)) {
      if (journal.recovery().recordsReplayed() != RECORDS) {
        throw new IllegalStateException("replayed " + journal.recovery().recordsReplayed());
      }
    }
    return checksum;
  }
}
