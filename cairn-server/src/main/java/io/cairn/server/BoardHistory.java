package io.cairn.server;

import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * A bounded history of one hunt's leaderboard, so that an organiser's chart of scores over time is
 * not empty after a page reload. It keeps the hunt's {@code board} push events themselves (the top
 * 10, as players got them), at most one per {@link #sampleMs}: a board push within the interval
 * opened by the latest sample replaces that sample, so each sample holds the last board of its
 * interval. Once {@link #capacity} samples are kept the oldest is dropped.
 *
 * <p>Written by the shard thread of the hunt (one copy of the event per board change, which the
 * shard coalesces to at most one per board tick), read by HTTP event loops; both take the monitor
 * for a few array stores or a copy of {@code capacity} references. Not state: a restart starts it
 * afresh.
 */
final class BoardHistory {
  private final int capacity;
  private final long sampleMs;
  private final byte[][] samples;
  private final long[] openedAtMs;
  private int first;
  private int count;

  BoardHistory(int capacity, long sampleMs) {
    this.capacity = capacity;
    this.sampleMs = sampleMs;
    this.samples = new byte[capacity][];
    this.openedAtMs = new long[capacity];
  }

  /** Records a board event whose time stamp is {@code atMs}. */
  synchronized void record(DirectBuffer json, int offset, int length, long atMs) {
    byte[] copy = new byte[length];
    json.getBytes(offset, copy);
    if (count > 0) {
      int last = (first + count - 1) % capacity;
      if (atMs < openedAtMs[last] + sampleMs) {
        samples[last] = copy;
        return;
      }
    }
    int slot;
    if (count == capacity) {
      slot = first;
      first = (first + 1) % capacity;
    } else {
      slot = (first + count) % capacity;
      count++;
    }
    samples[slot] = copy;
    openedAtMs[slot] = atMs;
  }

  /** The samples, oldest first: each a complete board event as JSON (UTF-8). */
  synchronized List<byte[]> samples() {
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(samples[(first + i) % capacity]);
    }
    return out;
  }
}
