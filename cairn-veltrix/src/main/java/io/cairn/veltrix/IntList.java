package io.cairn.veltrix;

import java.util.Arrays;

/** An immutable list of ints, so that snapshots can hand dense ids to the engine without boxing. */
public final class IntList {
  private static final IntList EMPTY = new IntList(new int[0]);

  private final int[] values;

  private IntList(int[] values) {
    this.values = values;
  }

  /** A list holding a copy of {@code values}. */
  public static IntList of(int... values) {
    return values.length == 0 ? EMPTY : new IntList(values.clone());
  }

  public static IntList empty() {
    return EMPTY;
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  public int get(int index) {
    return values[index];
  }

  public boolean contains(int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  public int[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntList other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
