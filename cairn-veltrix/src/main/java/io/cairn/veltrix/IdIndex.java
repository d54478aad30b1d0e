package io.cairn.veltrix;

import java.util.List;

/**
 * Maps ids to dense indexes and answers lookups by any {@link CharSequence}, so that the engine can
 * resolve an id decoded into a reused buffer without creating a String. Open addressing with linear
 * probing over a power-of-two table at most half full.
 */
public final class IdIndex {
  private final String[] keys;
  private final int[] indexes;
  private final int mask;

  /** Indexes {@code ids} by position; ids must be distinct. */
  public IdIndex(List<String> ids) {
    int capacity = Integer.highestOneBit(Math.max(2, ids.size()) * 2 - 1) << 1;
    keys = new String[capacity];
    indexes = new int[capacity];
    mask = capacity - 1;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      int slot = hash(id) & mask;
      while (keys[slot] != null) {
        if (keys[slot].equals(id)) {
          throw new IllegalArgumentException("duplicate id " + id);
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = id;
      indexes[slot] = i;
    }
  }

  /** The index of {@code id}, or -1 when it is not known. Allocation-free. */
  public int indexOf(CharSequence id) {
    int slot = hash(id) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.contentEquals(id)) {
        return indexes[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static int hash(CharSequence s) {
    int h = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h ^ (h >>> 16);
  }
}
