package io.cairn.engine.journal;

import static io.cairn.engine.journal.RecordDescriptor.ALIGNMENT;
import static io.cairn.engine.journal.RecordDescriptor.HEADER_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a journal directory at open: verifies every record from the segment holding the requested
 * position onwards, replays those at or after it, and cuts a torn tail.
 *
 * <p>How the end of the log is found: every record is checked in turn (sane frame length inside the
 * file, CRC32C, type, the position it claims); the log ends at the end of the last segment or at
 * the first record that fails, which after a crash is often the zeros the journal preallocates
 * ahead of its data (zeros are never a record: the type is at least 1).
 *
 * <p>A failing record counts as a torn tail, dropped and cut off with everything after it, only
 * when it is in the last segment, it is incomplete or its checksum fails, and every intact record
 * (one whose checksum holds) after it belongs to the same flush as the failing bytes (its batch
 * offset reaches back to them or before). That is what a crash in the middle of a group commit
 * leaves: partial bytes, preallocated zeros, or pages of the last flush that reached the disk out
 * of order, none of it acknowledged under ALWAYS. Anything else is damage to data written before
 * the last flush, or an intact record in the wrong place (a misnamed or misplaced segment);
 * replaying past it, or cutting it off, would lose changes silently, so recovery refuses with
 * {@link JournalCorruptedException} and leaves the files as they are. (Damage inside the last flush
 * after it was acknowledged, bit rot, looks the same as a torn write and is dropped with it: no
 * format can tell the two apart.)
 *
 * <p>Segments wholly before the requested position are neither read nor verified: a snapshot
 * already covers them. In the segment holding it, damage before the requested position is skipped
 * when the record at that position verifies, for the same reason.
 */
final class JournalRecovery {
  private static final int VALID = 0;
  private static final int BAD_TYPE = 1;
  private static final int BAD_POSITION = 2;
  private static final int BAD_CRC = 3;
  private static final int SHORT_HEADER = 4;
  private static final int BAD_FRAME_LENGTH = 5;
  private static final int PAST_END = 6;

  /**
   * Verdicts up to this one mean the bytes are an intact record (checksum good), wherever it
   * belongs.
   */
  private static final int LAST_INTACT = BAD_POSITION;

  private final Path dir;
  private final long fromPosition;
  private final RecordHandler handler;
  private final CRC32C crc = new CRC32C();
  private final UnsafeBuffer records = new UnsafeBuffer(0, 0);
  private ByteBuffer crcView;
  private int tornBytes;

  private long[] bases;
  private long recordsReplayed;
  private long bytesDropped;
  private long lastSegmentEnd = -1;
  private long replayStartPosition;

  JournalRecovery(Path dir, long fromPosition, RecordHandler handler) {
    this.dir = dir;
    this.fromPosition = fromPosition;
    this.handler = handler;
  }

  void run() throws IOException {
    bases = Segments.list(dir);
    replayStartPosition = fromPosition;
    if (bases.length == 0) {
      return;
    }
    int first = 0;
    for (int i = 1; i < bases.length && bases[i] <= fromPosition; i++) {
      first = i;
    }
    if (bases[first] > fromPosition) {
      replayStartPosition = bases[first];
    }
    for (int i = first; i < bases.length; i++) {
      boolean last = i == bases.length - 1;
      long base = bases[i];
      long validBytes = readSegment(base, last);
      if (last) {
        lastSegmentEnd = base + validBytes;
      } else if (bases[i + 1] != base + validBytes) {
        Path segment = Segments.path(dir, base);
        throw new JournalCorruptedException(
            segment,
            validBytes,
            "Journal segment "
                + segment
                + " ends at position "
                + (base + validBytes)
                + " but the next segment, "
                + Segments.path(dir, bases[i + 1]).getFileName()
                + ", starts at position "
                + bases[i + 1]
                + ": a segment is missing, truncated or misnamed, so the records between are lost. "
                + operatorAdvice());
      }
    }
  }

  /** Base positions of the segments left after recovery, ascending. */
  long[] bases() {
    return bases;
  }

  long recordsReplayed() {
    return recordsReplayed;
  }

  long bytesDropped() {
    return bytesDropped;
  }

  /** End of the valid records of the last segment, or -1 when there is no segment. */
  long lastSegmentEnd() {
    return lastSegmentEnd;
  }

  long replayStartPosition() {
    return replayStartPosition;
  }

  /** Verifies and replays one segment; returns the length of its valid records in bytes. */
  private long readSegment(long base, boolean last) throws IOException {
    Path segment = Segments.path(dir, base);
    long validBytes;
    long fileBytes;
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      fileBytes = channel.size();
      if (fileBytes > JournalConfig.MAX_SEGMENT_BYTES + HEADER_LENGTH) {
        throw new JournalCorruptedException(
            segment,
            0,
            "Journal segment "
                + segment
                + " is "
                + fileBytes
                + " bytes, more than any segment Cairn writes ("
                + JournalConfig.MAX_SEGMENT_BYTES
                + "): it is not a journal segment or it is damaged. "
                + operatorAdvice());
      }
      if (fileBytes == 0) {
        validBytes = 0;
      } else {
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, fileBytes);
        try {
          records.wrap(mapped);
          crcView = mapped.duplicate();
          validBytes = replay(segment, base, (int) fileBytes, last);
        } finally {
          records.wrap(0, 0);
          crcView = null;
          IoUtil.unmap(mapped);
        }
      }
    }
    if (validBytes < fileBytes) {
      try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
        channel.truncate(validBytes);
        channel.force(true);
      }
      bytesDropped += tornBytes;
    }
    return validBytes;
  }

  private int replay(Path segment, long base, int fileBytes, boolean last) {
    int offset = 0;
    while (offset < fileBytes) {
      int verdict = verify(base, offset, fileBytes);
      if (verdict != VALID) {
        long target = fromPosition - base;
        if (offset < target
            && target <= fileBytes
            && (target == fileBytes || verify(base, (int) target, fileBytes) == VALID)) {
          offset = (int) target;
          continue;
        }
        refuseUnlessTornTail(segment, base, offset, fileBytes, last, verdict);
        tornBytes = dataEnd(offset, fileBytes) - offset;
        return offset;
      }
      int frameLength = RecordDescriptor.frameLength(records, offset);
      int alignedLength = RecordDescriptor.alignedLength(frameLength);
      long position = base + offset;
      if (position >= fromPosition) {
        handler.onRecord(
            position,
            RecordDescriptor.type(records, offset),
            records,
            offset + HEADER_LENGTH,
            frameLength - HEADER_LENGTH);
        recordsReplayed++;
      } else if (position + alignedLength > fromPosition) {
        throw new JournalException(
            "Cannot recover from position "
                + fromPosition
                + ": it is not the start of a record (the record at position "
                + position
                + " in "
                + segment
                + " spans it). A recovery position must come from Journal.position() or"
                + " Journal.flush(), for example the position a snapshot was taken at.");
      }
      offset += alignedLength;
    }
    return offset;
  }

  /**
   * End of the last non-zero byte in {@code [from, fileBytes)}, or {@code from}: zeros after the
   * data are the segment's preallocation (or a file extended but never written), not lost data.
   */
  private int dataEnd(int from, int fileBytes) {
    int end = fileBytes;
    while (end > from && records.getByte(end - 1) == 0) {
      end--;
    }
    return end;
  }

  private int verify(long base, int offset, int fileBytes) {
    int remaining = fileBytes - offset;
    if (remaining < HEADER_LENGTH) {
      return SHORT_HEADER;
    }
    int frameLength = RecordDescriptor.frameLength(records, offset);
    if (frameLength < HEADER_LENGTH) {
      return BAD_FRAME_LENGTH;
    }
    if (RecordDescriptor.alignedLength(frameLength) > remaining || frameLength > remaining) {
      return PAST_END;
    }
    if (RecordDescriptor.storedCrc(records, offset)
        != RecordDescriptor.computeCrc(crc, crcView, offset, frameLength)) {
      return BAD_CRC;
    }
    if (RecordDescriptor.type(records, offset) < 1) {
      return BAD_TYPE;
    }
    long position = base + offset;
    int batchOffset = RecordDescriptor.batchOffset(records, offset);
    if (RecordDescriptor.position(records, offset) != position
        || batchOffset < 0
        || batchOffset > position) {
      return BAD_POSITION;
    }
    return VALID;
  }

  private void refuseUnlessTornTail(
      Path segment, long base, int offset, int fileBytes, boolean last, int verdict) {
    if (!last) {
      throw corrupted(
          segment,
          base,
          offset,
          describe(verdict, offset, fileBytes)
              + ", and later segments follow, so this is not a torn write at the end of the journal. "
              + operatorAdvice());
    }
    if (verdict == BAD_TYPE || verdict == BAD_POSITION) {
      throw corrupted(
          segment,
          base,
          offset,
          describe(verdict, offset, fileBytes)
              + "; its checksum is intact, so this is not a torn write. "
              + operatorAdvice());
    }
    long damagedPosition = base + offset;
    for (int next = offset + ALIGNMENT; next + HEADER_LENGTH <= fileBytes; next += ALIGNMENT) {
      int nextVerdict = verify(base, next, fileBytes);
      if (nextVerdict > LAST_INTACT) {
        continue;
      }
      if (nextVerdict == VALID
          && base + next - RecordDescriptor.batchOffset(records, next) <= damagedPosition) {
        next += RecordDescriptor.alignedLength(RecordDescriptor.frameLength(records, next));
        next -= ALIGNMENT;
        continue;
      }
      throw corrupted(
          segment,
          base,
          offset,
          describe(verdict, offset, fileBytes)
              + ", and an intact record from outside the last flush follows at file offset "
              + next
              + ", so this is damage in the middle of the journal, not a torn write at its end. "
              + operatorAdvice());
    }
  }

  private String describe(int verdict, int offset, int fileBytes) {
    return switch (verdict) {
      case SHORT_HEADER ->
          "only " + (fileBytes - offset) + " bytes left, fewer than a record header";
      case BAD_FRAME_LENGTH ->
          "frame length "
              + RecordDescriptor.frameLength(records, offset)
              + " is smaller than the record header";
      case PAST_END ->
          "frame length "
              + RecordDescriptor.frameLength(records, offset)
              + " runs past the end of the file ("
              + (fileBytes - offset)
              + " bytes left)";
      case BAD_CRC -> "CRC32C checksum mismatch";
      case BAD_TYPE ->
          "record type " + RecordDescriptor.type(records, offset) + " is invalid (types are >= 1)";
      case BAD_POSITION ->
          "record claims position "
              + RecordDescriptor.position(records, offset)
              + " (batch offset "
              + RecordDescriptor.batchOffset(records, offset)
              + ") but sits elsewhere (a misplaced or misnamed segment)";
      default -> "unknown verdict " + verdict;
    };
  }

  private String operatorAdvice() {
    return "Cairn will not start on this journal. To recover, either restore the journal directory "
        + dir
        + " from a backup, or move the damaged segment and every later segment out of that"
        + " directory and restart: the shard then starts from its latest snapshot and the changes"
        + " recorded after it are lost.";
  }

  /** A refusal naming the segment, the file offset and the position of the damage, then why. */
  private static JournalCorruptedException corrupted(
      Path segment, long base, int offset, String why) {
    return new JournalCorruptedException(
        segment,
        offset,
        "Journal segment "
            + segment
            + " is corrupted at file offset "
            + offset
            + " (position "
            + (base + offset)
            + "): "
            + why);
  }
}
