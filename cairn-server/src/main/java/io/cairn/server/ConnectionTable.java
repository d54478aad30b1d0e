package io.cairn.server;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The network connections by id, found without boxing or hashing: an id's low {@link #INDEX_BITS}
 * bits index a slot, the bits above are the slot's generation, so the id of a closed connection
 * whose slot was reused finds nothing. Shard threads look up (lock-free, allocation free); event
 * loops register and unregister under a lock, once per connection.
 */
final class ConnectionTable {
  static final int INDEX_BITS = 24;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final int GENERATION_MASK = (1 << 30) - 1;

  private final long firstId;
  private volatile AtomicReferenceArray<PlayerFrameHandler> slots;
  private int[] generations;
  private int[] free;
  private int freeCount;
  private int used;
  private int size;

  /** Ids start at {@code firstId}; ids below it are never found. */
  ConnectionTable(long firstId, int initialSlots) {
    this.firstId = firstId;
    this.slots = new AtomicReferenceArray<>(initialSlots);
    this.generations = new int[initialSlots];
    this.free = new int[initialSlots];
  }

  /** Gives the connection a slot and returns its id; the caller stores the id in the handler. */
  synchronized long register(PlayerFrameHandler connection) {
    int index;
    if (freeCount > 0) {
      index = free[--freeCount];
    } else {
      if (used == (1 << INDEX_BITS)) {
        throw new IllegalStateException("more than " + (1 << INDEX_BITS) + " connections");
      }
      index = used++;
      if (index == slots.length()) {
        grow();
      }
    }
    int generation = (generations[index] + 1) & GENERATION_MASK;
    generations[index] = generation;
    long id = firstId + ((long) generation << INDEX_BITS) + index;
    connection.assignId(id);
    slots.set(index, connection);
    size++;
    return id;
  }

  /** Frees the connection's slot; an unknown or stale id is ignored. */
  synchronized void unregister(long id) {
    PlayerFrameHandler current = find(id);
    if (current == null) {
      return;
    }
    int index = index(id);
    slots.set(index, null);
    free[freeCount++] = index;
    size--;
  }

  /** The connection with this id, or null when it closed (or the id is not a network one). */
  PlayerFrameHandler find(long id) {
    if (id < firstId) {
      return null;
    }
    AtomicReferenceArray<PlayerFrameHandler> current = slots;
    int index = index(id);
    if (index >= current.length()) {
      return null;
    }
    PlayerFrameHandler connection = current.get(index);
    return connection != null && connection.connectionId() == id ? connection : null;
  }

  synchronized int size() {
    return size;
  }

  private int index(long id) {
    return (int) ((id - firstId) & INDEX_MASK);
  }

  private void grow() {
    int capacity = Math.min(slots.length() * 2, 1 << INDEX_BITS);
    AtomicReferenceArray<PlayerFrameHandler> bigger = new AtomicReferenceArray<>(capacity);
    for (int i = 0; i < slots.length(); i++) {
      bigger.set(i, slots.get(i));
    }
    generations = Arrays.copyOf(generations, capacity);
    free = Arrays.copyOf(free, capacity);
    slots = bigger;
  }
}
