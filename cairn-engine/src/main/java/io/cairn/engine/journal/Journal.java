package io.cairn.engine.journal;

import static io.cairn.engine.journal.RecordDescriptor.BATCH_OFFSET_OFFSET;
import static io.cairn.engine.journal.RecordDescriptor.BYTE_ORDER;
import static io.cairn.engine.journal.RecordDescriptor.CRC_OFFSET;
import static io.cairn.engine.journal.RecordDescriptor.FRAME_LENGTH_OFFSET;
import static io.cairn.engine.journal.RecordDescriptor.HEADER_LENGTH;
import static io.cairn.engine.journal.RecordDescriptor.POSITION_OFFSET;
import static io.cairn.engine.journal.RecordDescriptor.TYPE_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The append-only journal of one shard, written by the shard thread alone.
 *
 * <p>Records ({@link RecordDescriptor}) are appended to an in-memory batch; {@link #flush()} writes
 * the batch with positional writes and forces it once (group commit), so the cost of an fsync is
 * shared by every record of the batch. Positions are logical byte offsets over all segments: a
 * segment file is named by the position of its first byte, and a record's position is that base
 * plus its offset in the file, so positions are contiguous across segments.
 *
 * <p>Preallocation: under ALWAYS and INTERVAL the active segment is kept filled with zeros up to
 * {@link #PREALLOCATE_BYTES} past its data, written (not {@code fallocate}d, whose unwritten
 * extents still need a metadata commit on the first write). A force then finds the blocks and the
 * file size already durable and flushes only data: on this machine's ext4 that measured about twice
 * the fdatasyncs per second of forcing appends that grow the file. The zeros are cut off when the
 * segment rolls and on close, so a segment that is no longer written ends exactly with its data.
 * How the end of the log is found: by reading records until the first one that does not verify; an
 * all-zero header is never a record (type is at least 1), so the preallocated zeros of a crashed
 * process end the log like a torn write does (see {@link JournalRecovery}). Under NEVER there is no
 * force to save, so nothing is preallocated.
 *
 * <p>A segment rolls when the next record would take it past {@link JournalConfig#segmentBytes()};
 * the full segment is trimmed and forced, and the new file's directory entry made durable, before a
 * byte goes to the new one (unless the policy is NEVER), so a torn write can only ever be at the
 * end of the last segment.
 *
 * <p>Steady state is allocation-free: the batch buffer grows by doubling when a batch outgrows it
 * and is reused afterwards.
 */
public final class Journal implements AutoCloseable {
  /** Initial capacity of the batch buffer; it doubles when a batch needs more. */
  public static final int INITIAL_BATCH_BYTES = 64 * 1024;

  /** Largest batch: a flush is expected long before. */
  public static final int MAX_BATCH_BYTES = 1 << 30;

  /**
   * How far ahead of the data a segment is filled with zeros, unless the policy is NEVER. Forcing
   * writes into blocks that already exist skips the file-size update and its metadata commit: on
   * ext4 that doubles the forces per second.
   */
  public static final int PREALLOCATE_BYTES = 1 << 20;

  private final Path dir;
  private final long segmentBytes;
  private final FsyncPolicy fsync;
  private final long fsyncIntervalNs;
  private final RecoveryReport recovery;
  private final JournalMetrics metrics = new JournalMetrics();
  private final CRC32C crc = new CRC32C();
  private final LongArrayList segmentBases = new LongArrayList();

  private FileChannel channel;
  private long activeFileBytes;
  private long preallocatedBytes;
  private final ByteBuffer zeros;

  private ByteBuffer batchView;
  private final UnsafeBuffer batch = new UnsafeBuffer(0, 0);
  private int batchLength;
  private int batchRecords;
  private long batchStartPosition;
  private int[] rollOffsets = new int[4];
  private int rollCount;
  private long appendSegmentBase;
  private long position;

  private boolean unforced;
  private boolean truncated;
  private long lastForceNs;
  private boolean failed;
  private boolean closed;

  private Journal(JournalConfig config, JournalRecovery recovered, long startNs)
      throws IOException {
    dir = config.dir();
    segmentBytes = config.segmentBytes();
    fsync = config.fsync();
    fsyncIntervalNs = config.fsyncIntervalNs();
    zeros =
        fsync == FsyncPolicy.NEVER
            ? ByteBuffer.allocateDirect(0)
            : ByteBuffer.allocateDirect((int) Math.min(PREALLOCATE_BYTES, segmentBytes));
    for (long base : recovered.bases()) {
      segmentBases.addLong(base);
    }
    long end = Math.max(recovered.lastSegmentEnd(), recovered.replayStartPosition());
    if (recovered.lastSegmentEnd() >= 0 && end == recovered.lastSegmentEnd()) {
      long base = segmentBases.getLong(segmentBases.size() - 1);
      channel = FileChannel.open(Segments.path(dir, base), StandardOpenOption.WRITE);
      activeFileBytes = end - base;
      preallocatedBytes = activeFileBytes;
      appendSegmentBase = base;
    } else {
      openSegment(end);
    }
    position = end;
    batchStartPosition = end;
    allocateBatch(INITIAL_BATCH_BYTES);
    lastForceNs = System.nanoTime();
    recovery =
        new RecoveryReport(
            recovered.recordsReplayed(),
            recovered.bytesDropped(),
            lastForceNs - startNs,
            end,
            recovered.replayStartPosition());
  }

  /**
   * Recovers the journal in {@link JournalConfig#dir()} and opens it for appending.
   *
   * <p>Replays every valid record at or after {@code fromPosition} into {@code handler}, in order
   * (see {@link RecordHandler} for the lifetime of the buffer). A torn last record is cut off and
   * reported in {@link #recovery()}. When {@code fromPosition} is older than the first segment
   * (segments deleted after a snapshot), replay starts at the first segment; when it is newer than
   * the end of the journal (a snapshot of changes whose journal tail was never forced, or damaged
   * segments moved away), appending continues at {@code fromPosition} in a new segment.
   *
   * @throws JournalCorruptedException when damage is followed by valid data; records before the
   *     damage may already have been replayed, so the caller must discard what it rebuilt
   * @throws JournalException when {@code fromPosition} is inside a record, or on an I/O error
   */
  public static Journal open(JournalConfig config, long fromPosition, RecordHandler handler) {
    if (fromPosition < 0) {
      throw new IllegalArgumentException("fromPosition must be >= 0, was " + fromPosition);
    }
    long startNs = System.nanoTime();
    try {
      Files.createDirectories(config.dir());
      JournalRecovery recovered = new JournalRecovery(config.dir(), fromPosition, handler);
      recovered.run();
      return new Journal(config, recovered, startNs);
    } catch (IOException e) {
      throw new JournalException("Cannot open the journal in " + config.dir() + ": " + e, e);
    }
  }

  /** What recovery replayed and dropped when this journal was opened. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * Copies one record into the current batch; no I/O until {@link #flush()}.
   *
   * @param type record type, {@code >= 1}
   * @throws IllegalArgumentException for a type below 1 or a record larger than a segment
   */
  public void append(int type, DirectBuffer buffer, int offset, int length) {
    ensureWritable();
    if (type < 1) {
      throw new IllegalArgumentException("record type must be >= 1");
    }
    if (length < 0) {
      throw new IllegalArgumentException("record length must be >= 0");
    }
    long alignedLength = RecordDescriptor.alignedLengthOfPayload(length);
    if (alignedLength > segmentBytes) {
      throw new IllegalArgumentException("record larger than a journal segment");
    }
    if (batchLength + alignedLength > MAX_BATCH_BYTES) {
      throw new JournalException("batch larger than 1 GiB: flush more often");
    }
    if (position + alignedLength - appendSegmentBase > segmentBytes) {
      markRoll();
    }
    int aligned = (int) alignedLength;
    if (batchLength + aligned > batch.capacity()) {
      allocateBatch(batchLength + aligned);
    }
    int at = batchLength;
    int frameLength = HEADER_LENGTH + length;
    batch.putInt(at + FRAME_LENGTH_OFFSET, frameLength, BYTE_ORDER);
    batch.putInt(at + TYPE_OFFSET, type, BYTE_ORDER);
    batch.putInt(at + BATCH_OFFSET_OFFSET, at, BYTE_ORDER);
    batch.putLong(at + POSITION_OFFSET, position, BYTE_ORDER);
    batch.putBytes(at + HEADER_LENGTH, buffer, offset, length);
    if (aligned > frameLength) {
      batch.setMemory(at + frameLength, aligned - frameLength, (byte) 0);
    }
    batch.putInt(
        at + CRC_OFFSET, RecordDescriptor.computeCrc(crc, batchView, at, frameLength), BYTE_ORDER);
    batchLength = at + aligned;
    batchRecords++;
    position += aligned;
  }

  /**
   * Group commit: writes the batch and forces it per the policy (ALWAYS: one force per call,
   * however many records). When it returns under ALWAYS, every appended record is durable.
   *
   * @return the position after the last record
   * @throws JournalException on an I/O error; the journal then refuses further writes, because what
   *     reached the disk is unknown (the shard must stop and recover)
   */
  public long flush() {
    ensureWritable();
    if (batchLength == 0) {
      return position;
    }
    try {
      int from = 0;
      for (int i = 0; i < rollCount; i++) {
        int to = rollOffsets[i];
        write(from, to);
        roll(batchStartPosition + to);
        from = to;
      }
      write(from, batchLength);
      if (fsync == FsyncPolicy.ALWAYS
          || (fsync == FsyncPolicy.INTERVAL
              && System.nanoTime() - lastForceNs >= fsyncIntervalNs)) {
        forceChannel();
      }
    } catch (IOException e) {
      failed = true;
      throw new JournalException("Cannot write the journal in " + dir + ": " + e, e);
    }
    metrics.onBatch(batchRecords, batchLength);
    batchLength = 0;
    batchRecords = 0;
    rollCount = 0;
    batchStartPosition = position;
    return position;
  }

  /**
   * Forces what earlier flushes wrote, whatever the policy: for a journal under INTERVAL that goes
   * idle, so its last changes do not wait for the next flush to become durable.
   */
  public void force() {
    ensureWritable();
    if (!unforced) {
      return;
    }
    try {
      forceChannel();
    } catch (IOException e) {
      failed = true;
      throw new JournalException("Cannot force the journal in " + dir + ": " + e, e);
    }
  }

  /** Logical position after the last appended record (flushed or not). */
  public long position() {
    return position;
  }

  /** Counters of this journal, readable from any thread. */
  public JournalMetrics metrics() {
    return metrics;
  }

  /**
   * Deletes the segments that hold only records before {@code position}; the segment being written
   * is never deleted. Call it with the position of the oldest snapshot still kept, so that recovery
   * can fall back to that snapshot if a newer one turns out damaged.
   *
   * @return how many segments were deleted
   */
  public int deleteSegmentsBefore(long position) {
    ensureWritable();
    int deleted = 0;
    try {
      while (segmentBases.size() > 1 && segmentBases.getLong(1) <= position) {
        Files.deleteIfExists(Segments.path(dir, segmentBases.getLong(0)));
        segmentBases.removeAt(0);
        deleted++;
      }
      if (deleted > 0 && fsync != FsyncPolicy.NEVER) {
        Segments.forceDirectory(dir);
      }
    } catch (IOException e) {
      throw new JournalException("Cannot delete journal segments in " + dir + ": " + e, e);
    }
    return deleted;
  }

  /**
   * Flushes what was appended, cuts the preallocated zeros, forces (unless the policy is NEVER) and
   * closes the segment. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      if (!failed) {
        flush();
        trimPreallocation();
        if (fsync != FsyncPolicy.NEVER && unforced) {
          forceChannel();
        }
      }
    } catch (IOException e) {
      failed = true;
      throw new JournalException("Cannot close the journal in " + dir + ": " + e, e);
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new JournalException("Cannot close the journal in " + dir + ": " + e, e);
      }
    }
  }

  private void ensureWritable() {
    if (closed) {
      throw new JournalException("The journal in " + dir + " is closed");
    }
    if (failed) {
      throw new JournalException(
          "The journal in " + dir + " failed on an earlier write; recover it by reopening");
    }
  }

  private void markRoll() {
    if (rollCount == rollOffsets.length) {
      int[] grown = new int[rollCount * 2];
      System.arraycopy(rollOffsets, 0, grown, 0, rollCount);
      rollOffsets = grown;
    }
    rollOffsets[rollCount++] = batchLength;
    appendSegmentBase = position;
  }

  private void allocateBatch(int minCapacity) {
    int capacity = INITIAL_BATCH_BYTES;
    while (capacity < minCapacity) {
      capacity = Math.min(capacity * 2, MAX_BATCH_BYTES);
    }
    ByteBuffer grown = ByteBuffer.allocateDirect(capacity);
    if (batchLength > 0) {
      new UnsafeBuffer(grown).putBytes(0, batch, 0, batchLength);
    }
    batchView = grown.duplicate();
    batch.wrap(grown);
  }

  private void write(int from, int to) throws IOException {
    ByteBuffer view = batchView;
    view.clear();
    view.position(from);
    view.limit(to);
    long filePosition = activeFileBytes;
    while (view.hasRemaining()) {
      filePosition += channel.write(view, filePosition);
    }
    if (to > from) {
      unforced = true;
    }
    activeFileBytes = filePosition;
    if (filePosition > preallocatedBytes && zeros.capacity() > 0) {
      preallocate(Math.min(filePosition + zeros.capacity(), Math.max(segmentBytes, filePosition)));
    }
  }

  /** Fills the segment with zeros from the end of its data up to {@code fileBytes}. */
  private void preallocate(long fileBytes) throws IOException {
    long filePosition = activeFileBytes;
    while (filePosition < fileBytes) {
      ByteBuffer chunk = zeros;
      chunk.clear();
      chunk.limit((int) Math.min(chunk.capacity(), fileBytes - filePosition));
      while (chunk.hasRemaining()) {
        filePosition += channel.write(chunk, filePosition);
      }
    }
    preallocatedBytes = fileBytes;
  }

  /** Cuts the zeros after the data, so that a segment no longer written ends with its data. */
  private void trimPreallocation() throws IOException {
    if (preallocatedBytes > activeFileBytes) {
      channel.truncate(activeFileBytes);
      preallocatedBytes = activeFileBytes;
      unforced = true;
      truncated = true;
    }
  }

  private void roll(long newBase) throws IOException {
    trimPreallocation();
    if (fsync != FsyncPolicy.NEVER && unforced) {
      forceChannel();
    }
    channel.close();
    openSegment(newBase);
  }

  private void openSegment(long base) throws IOException {
    channel =
        FileChannel.open(
            Segments.path(dir, base), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    if (fsync != FsyncPolicy.NEVER) {
      Segments.forceDirectory(dir);
    }
    segmentBases.addLong(base);
    activeFileBytes = 0;
    preallocatedBytes = 0;
    appendSegmentBase = Math.max(appendSegmentBase, base);
  }

  private void forceChannel() throws IOException {
    long startNs = System.nanoTime();
    channel.force(truncated);
    long endNs = System.nanoTime();
    metrics.onFsync(endNs - startNs);
    lastForceNs = endNs;
    unforced = false;
    truncated = false;
  }
}
