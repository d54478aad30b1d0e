package io.cairn.engine.geo;

/**
 * The treasures a {@link TreasureGrid#query} found, nearest first (ties by treasure index). It is
 * preallocated and reused from scan to scan; when more treasures are in range than it can hold, it
 * keeps the nearest ones.
 */
public final class ScanResult {
  private static final int INSERTION_SORT_MAX = 24;

  private final int[] treasures;
  private final double[] distancesM;
  private int count;
  private boolean sorted = true;

  public ScanResult(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
    this.treasures = new int[capacity];
    this.distancesM = new double[capacity];
  }

  public int capacity() {
    return treasures.length;
  }

  public int count() {
    return count;
  }

  /** The index of the i-th nearest treasure in its hunt snapshot. */
  public int treasure(int i) {
    checkIndex(i);
    return treasures[i];
  }

  public double distanceM(int i) {
    checkIndex(i);
    return distancesM[i];
  }

  void clear() {
    count = 0;
    sorted = true;
  }

  /**
   * Takes one hit. Hits are appended unsorted until {@link #finish} or until the result is full;
   * from then on a hit replaces the farthest one when it is nearer, keeping the order.
   */
  void offer(int treasure, double distanceM) {
    int capacity = treasures.length;
    if (count < capacity) {
      treasures[count] = treasure;
      distancesM[count] = distanceM;
      count++;
      sorted = false;
      return;
    }
    if (capacity == 0) {
      return;
    }
    finish();
    if (!nearer(distanceM, treasure, distancesM[capacity - 1], treasures[capacity - 1])) {
      return;
    }
    int slot = capacity - 1;
    while (slot > 0 && nearer(distanceM, treasure, distancesM[slot - 1], treasures[slot - 1])) {
      treasures[slot] = treasures[slot - 1];
      distancesM[slot] = distancesM[slot - 1];
      slot--;
    }
    treasures[slot] = treasure;
    distancesM[slot] = distanceM;
  }

  /**
   * Puts the hits in order: insertion sort for the handful a scan usually finds, heapsort (in
   * place, so still allocation-free) when a large radius finds hundreds.
   */
  void finish() {
    if (sorted) {
      return;
    }
    sorted = true;
    if (count <= INSERTION_SORT_MAX) {
      for (int i = 1; i < count; i++) {
        int treasure = treasures[i];
        double distanceM = distancesM[i];
        int slot = i;
        while (slot > 0 && nearer(distanceM, treasure, distancesM[slot - 1], treasures[slot - 1])) {
          treasures[slot] = treasures[slot - 1];
          distancesM[slot] = distancesM[slot - 1];
          slot--;
        }
        treasures[slot] = treasure;
        distancesM[slot] = distanceM;
      }
      return;
    }
    for (int i = count / 2 - 1; i >= 0; i--) {
      siftDown(i, count);
    }
    for (int end = count - 1; end > 0; end--) {
      swap(0, end);
      siftDown(0, end);
    }
  }

  /** Max-heap by (distance, index): the farthest hit rises to the top and is moved to the end. */
  private void siftDown(int root, int size) {
    int parent = root;
    while (true) {
      int child = 2 * parent + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size
          && nearer(
              distancesM[child], treasures[child], distancesM[child + 1], treasures[child + 1])) {
        child++;
      }
      if (!nearer(distancesM[parent], treasures[parent], distancesM[child], treasures[child])) {
        return;
      }
      swap(parent, child);
      parent = child;
    }
  }

  private void swap(int i, int j) {
    int treasure = treasures[i];
    treasures[i] = treasures[j];
    treasures[j] = treasure;
    double distanceM = distancesM[i];
    distancesM[i] = distancesM[j];
    distancesM[j] = distanceM;
  }

  private static boolean nearer(double distanceM, int treasure, double otherM, int other) {
    return distanceM < otherM || (distanceM == otherM && treasure < other);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException(i);
    }
  }
}
