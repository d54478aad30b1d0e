package io.cairn.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * The last {@link #capacity} push events of one hunt (board pushes aside, see {@link
 * BoardHistory}), so that an organiser's event feed shows what just happened when the dashboard
 * opens or reloads. Each slot keeps its byte array and reuses it for the next event that fits, so
 * recording allocates nothing once the slots have grown to the hunt's usual event size. Events
 * longer than {@link #MAX_EVENT_BYTES} (a very long announcement) are not kept.
 *
 * <p>Written by the hunt's shard thread, read by HTTP event loops, both under the monitor for a
 * copy.
 */
final class RecentEvents {
  static final int MAX_EVENT_BYTES = 8 * 1024;
  private static final int FIRST_SLOT_BYTES = 256;

  private final int capacity;
  private final byte[][] slots;
  private final int[] lengths;
  private int first;
  private int count;

  RecentEvents(int capacity) {
    this.capacity = capacity;
    this.slots = new byte[capacity][];
    this.lengths = new int[capacity];
  }

  synchronized void record(DirectBuffer json, int offset, int length) {
    if (length > MAX_EVENT_BYTES) {
      return;
    }
    int slot;
    if (count == capacity) {
      slot = first;
      first = (first + 1) % capacity;
    } else {
      slot = (first + count) % capacity;
      count++;
    }
    byte[] bytes = slots[slot];
    if (bytes == null || bytes.length < length) {
      bytes = new byte[Math.max(FIRST_SLOT_BYTES, Integer.highestOneBit(length) << 1)];
      slots[slot] = bytes;
    }
    json.getBytes(offset, bytes, 0, length);
    lengths[slot] = length;
  }

  /** The events, oldest first, each as UTF-8 JSON. */
  synchronized List<byte[]> events() {
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int slot = (first + i) % capacity;
      out.add(Arrays.copyOf(slots[slot], lengths[slot]));
    }
    return out;
  }
}
