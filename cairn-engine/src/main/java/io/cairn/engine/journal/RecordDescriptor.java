package io.cairn.engine.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;

/**
 * Layout of one journal record, as written to a segment file.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                            CRC32C                             |  0
 *  +---------------------------------------------------------------+
 *  |                         Frame Length                          |  4
 *  +---------------------------------------------------------------+
 *  |                             Type                              |  8
 *  +---------------------------------------------------------------+
 *  |                         Batch Offset                          | 12
 *  +---------------------------------------------------------------+
 *  |                           Position                            | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                            Payload                           ...  24
 * ...                                                              |
 *  +---------------------------------------------------------------+
 *  |                 Padding (zeros) to 8-byte alignment          ...
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Fields are little-endian; Position is an {@code int64}, the others {@code int32}.
 *
 * <ul>
 *   <li><b>CRC32C</b> covers bytes 4 to the end of the payload: every header field after it and the
 *       payload, in one contiguous range.
 *   <li><b>Frame Length</b> is header plus payload, without the padding; the next record starts at
 *       {@code align(frameLength, 8)}.
 *   <li><b>Type</b> is the caller's record type, {@code >= 1}, so an all-zero header (preallocated
 *       space, or a file extended but never written) is never a record.
 *   <li><b>Batch Offset</b> is the distance in bytes from the first record of the same flush to
 *       this one (0 for the first): recovery can tell a torn last group commit, whose pages reached
 *       the disk out of order, from damage to data written before it.
 *   <li><b>Position</b> is the record's logical position (segment base + offset in the file): a
 *       record copied, or a segment renamed, to the wrong place is caught even though its checksum
 *       holds.
 * </ul>
 */
public final class RecordDescriptor {
  public static final int CRC_OFFSET = 0;
  public static final int FRAME_LENGTH_OFFSET = 4;
  public static final int TYPE_OFFSET = 8;
  public static final int BATCH_OFFSET_OFFSET = 12;
  public static final int POSITION_OFFSET = 16;
  public static final int HEADER_LENGTH = 24;
  public static final int ALIGNMENT = 8;
  public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

  private RecordDescriptor() {}

  /** Length of the record on disk, padding included. */
  public static int alignedLength(int frameLength) {
    return (frameLength + (ALIGNMENT - 1)) & -ALIGNMENT;
  }

  /** Length on disk of a record with this payload; a long so a huge payload cannot overflow. */
  public static long alignedLengthOfPayload(int payloadLength) {
    return ((long) HEADER_LENGTH + payloadLength + (ALIGNMENT - 1)) & -ALIGNMENT;
  }

  public static int frameLength(DirectBuffer buffer, int recordOffset) {
    return buffer.getInt(recordOffset + FRAME_LENGTH_OFFSET, BYTE_ORDER);
  }

  public static int type(DirectBuffer buffer, int recordOffset) {
    return buffer.getInt(recordOffset + TYPE_OFFSET, BYTE_ORDER);
  }

  public static int batchOffset(DirectBuffer buffer, int recordOffset) {
    return buffer.getInt(recordOffset + BATCH_OFFSET_OFFSET, BYTE_ORDER);
  }

  public static long position(DirectBuffer buffer, int recordOffset) {
    return buffer.getLong(recordOffset + POSITION_OFFSET, BYTE_ORDER);
  }

  public static int storedCrc(DirectBuffer buffer, int recordOffset) {
    return buffer.getInt(recordOffset + CRC_OFFSET, BYTE_ORDER);
  }

  /**
   * Computes the checksum of the record at {@code recordOffset} in {@code view}, a direct buffer
   * whose position and limit this changes. Allocation-free: {@link CRC32C} reads a direct buffer in
   * place.
   */
  public static int computeCrc(CRC32C crc, ByteBuffer view, int recordOffset, int frameLength) {
    crc.reset();
    view.clear();
    view.position(recordOffset + FRAME_LENGTH_OFFSET);
    view.limit(recordOffset + frameLength);
    crc.update(view);
    return (int) crc.getValue();
  }
}
