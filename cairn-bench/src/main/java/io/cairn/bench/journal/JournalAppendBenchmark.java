package io.cairn.bench.journal;

import io.cairn.engine.journal.FsyncPolicy;
import io.cairn.engine.journal.Journal;
import io.cairn.engine.journal.JournalConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Group commit: one operation is one batch of {@code batchRecords} appends and one flush, as a
 * shard does per drained batch. The score is batches/s; the {@code records} and {@code flushes}
 * counters give records/s and flushes/s, and under ALWAYS every flush is one fsync, so {@code
 * flushes} is the disk's fsyncs/s at that batch size.
 *
 * <p>Run: {@code java -jar cairn-bench/target/benchmarks.jar JournalAppendBenchmark}; add {@code
 * -Djava.io.tmpdir=/path/on/the/data/disk} (a JVM flag, via {@code -jvmArgsAppend}) to measure the
 * disk the journal will live on.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--sun-misc-unsafe-memory-access=allow",
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
    })
@State(Scope.Thread)
public class JournalAppendBenchmark {
  /** Payload bytes per record: a small command (48) and a larger one (128). */
  @Param({"48", "128"})
  int recordBytes;

  /** Records per flush: no batching, a modest batch, a heavy-load batch. */
  @Param({"1", "16", "256"})
  int batchRecords;

  @Param({"ALWAYS", "NEVER"})
  FsyncPolicy fsync;

  private Path dir;
  private Journal journal;
  private UnsafeBuffer payload;

  /** Rates reported next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Records appended and flushed. */
    public long records;

    /** Flushes; under ALWAYS each is one fsync. */
    public long flushes;
  }

  @Setup(Level.Trial)
  public void open() {
    dir = TempJournalDir.create("cairn-journal-append-");
    journal = Journal.open(new JournalConfig(dir, 64L << 20, fsync, 0), 0, (p, t, b, o, l) -> {});
    payload = new UnsafeBuffer(new byte[recordBytes]);
    for (int i = 0; i < recordBytes; i++) {
      payload.putByte(i, (byte) i);
    }
  }

  /** Keeps the disk footprint to about one iteration's worth of segments. */
  @TearDown(Level.Iteration)
  public void dropWrittenSegments() {
    journal.deleteSegmentsBefore(journal.position());
  }

  @TearDown(Level.Trial)
  public void close() {
    journal.close();
    TempJournalDir.delete(dir);
  }

  @Benchmark
  public long appendAndFlushBatch(Counters counters) {
    for (int i = 0; i < batchRecords; i++) {
      payload.putInt(0, i);
      journal.append(1, payload, 0, recordBytes);
    }
    counters.records += batchRecords;
    counters.flushes++;
    return journal.flush();
  }
}
