package io.cairn.engine.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the records replayed by recovery.
 *
 * <p>The buffer is a zero-copy view of the segment file, valid only during the call: copy what must
 * outlive it.
 */
@FunctionalInterface
public interface RecordHandler {
  /**
   * @param position logical position of the record's start (what {@link Journal#open} accepts as
   *     {@code fromPosition})
   * @param type the type given to {@link Journal#append}
   * @param buffer holds the payload
   * @param offset index of the payload's first byte in {@code buffer}
   * @param length payload length in bytes
   */
  void onRecord(long position, int type, DirectBuffer buffer, int offset, int length);
}
