package io.cairn.engine.hunt;

import java.util.Arrays;

/**
 * The players of one hunt as parallel arrays indexed by the dense player index (join order), so a
 * command reaches its player's fields with one array load each and nothing is boxed.
 */
final class PlayerTable {
  /** {@code moveMs} of a player that has not moved yet. */
  static final long NO_POSITION = Long.MIN_VALUE;

  private String[] names;
  private int[] teams;
  private double[] lats;
  private double[] lons;
  private long[] moveMs;
  private int count;

  PlayerTable(int initialCapacity) {
    int n = Math.max(4, initialCapacity);
    names = new String[n];
    teams = new int[n];
    lats = new double[n];
    lons = new double[n];
    moveMs = new long[n];
  }

  int count() {
    return count;
  }

  /** Adds a player and returns its index. */
  int add(String name, int teamIdx) {
    if (count == names.length) {
      int n = names.length * 2;
      names = Arrays.copyOf(names, n);
      teams = Arrays.copyOf(teams, n);
      lats = Arrays.copyOf(lats, n);
      lons = Arrays.copyOf(lons, n);
      moveMs = Arrays.copyOf(moveMs, n);
    }
    int idx = count++;
    names[idx] = name;
    teams[idx] = teamIdx;
    moveMs[idx] = NO_POSITION;
    return idx;
  }

  String name(int idx) {
    return names[idx];
  }

  int team(int idx) {
    return teams[idx];
  }

  boolean hasPosition(int idx) {
    return moveMs[idx] != NO_POSITION;
  }

  double lat(int idx) {
    return lats[idx];
  }

  double lon(int idx) {
    return lons[idx];
  }

  long moveMs(int idx) {
    return moveMs[idx];
  }

  void move(int idx, double lat, double lon, long atMs) {
    lats[idx] = lat;
    lons[idx] = lon;
    moveMs[idx] = atMs;
  }
}
