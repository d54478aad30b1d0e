package io.cairn.engine.geo;

import java.util.Arrays;

/**
 * Counts points per cell of a latitude/longitude grid, for the organiser's density map. Cells are
 * {@code cellM} metres tall and, at the reference latitude, as wide; a cell is named by its row
 * {@code floor(lat / cellLatDeg)} and column {@code floor(lon / cellLonDeg)}, so the same point
 * always lands in the same cell whatever else was counted. The counts live in an open-addressing
 * table that is cleared and reused, so a count allocates nothing once the table has grown.
 */
public final class DensityGrid {
  private static final double METRES_PER_DEGREE = GeoMath.EARTH_RADIUS_M * Math.PI / 180.0;
  private static final double MIN_COS_LAT = 0.01;
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys = new long[64];
  private int[] counts = new int[64];
  private int size;
  private double cellLatDeg;
  private double cellLonDeg;

  public DensityGrid() {
    reset(1, 0);
  }

  /** Clears the grid and sets its cell size; {@code refLat} fixes the cells' width in degrees. */
  public void reset(double cellM, double refLat) {
    Arrays.fill(keys, EMPTY);
    size = 0;
    cellLatDeg = cellM / METRES_PER_DEGREE;
    cellLonDeg = cellLatDeg / Math.max(MIN_COS_LAT, Math.cos(Math.toRadians(refLat)));
  }

  public void add(double lat, double lon) {
    long row = (long) Math.floor(lat / cellLatDeg);
    long column = (long) Math.floor(lon / cellLonDeg);
    long key = (row << 32) | (column & 0xFFFF_FFFFL);
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    counts[slot] = 1;
    if (++size * 2 > keys.length) {
      grow();
    }
  }

  /** Cells holding at least one point. */
  public int cellCount() {
    return size;
  }

  public double cellLatDeg() {
    return cellLatDeg;
  }

  public double cellLonDeg() {
    return cellLonDeg;
  }

  /** Slots of the table; a slot is a cell when {@link #occupied} says so. */
  public int slots() {
    return keys.length;
  }

  public boolean occupied(int slot) {
    return keys[slot] != EMPTY;
  }

  /** The south edge of the cell in {@code slot}, in degrees. */
  public double south(int slot) {
    return (keys[slot] >> 32) * cellLatDeg;
  }

  /** The west edge of the cell in {@code slot}, in degrees. */
  public double west(int slot) {
    return ((int) keys[slot]) * cellLonDeg;
  }

  /** Points counted in the cell in {@code slot}. */
  public int count(int slot) {
    return counts[slot];
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] == EMPTY) {
        continue;
      }
      int slot = mix(oldKeys[i]) & mask;
      while (keys[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = oldKeys[i];
      counts[slot] = oldCounts[i];
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
