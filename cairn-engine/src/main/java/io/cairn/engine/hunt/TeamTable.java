package io.cairn.engine.hunt;

import io.cairn.engine.json.JsonWriter;
import java.util.Arrays;
import org.agrona.collections.Object2IntHashMap;

/**
 * The teams of one hunt as parallel arrays indexed by the dense team index, with their progress per
 * puzzle and per treasure in flat {@code team * count + item} arrays. Score and progress belong to
 * the team, never to a player.
 */
final class TeamTable {
  private final Object2IntHashMap<String> byName = new Object2IntHashMap<>(-1);
  private int puzzles;
  private int treasures;
  private String[] names;
  private byte[][] encodedNames;
  private boolean[] solo;
  private int[] sizes;
  private long[] scores;
  private long[] scoreSeqs;
  private long[] claimTats;
  private boolean[] solved;
  private int[] hintsTaken;
  private int[] pointsEarned;
  private long[] guessTats;
  private boolean[] claimed;
  private int count;

  TeamTable(int initialCapacity, int puzzles, int treasures) {
    int n = Math.max(4, initialCapacity);
    this.puzzles = puzzles;
    this.treasures = treasures;
    names = new String[n];
    encodedNames = new byte[n][];
    solo = new boolean[n];
    sizes = new int[n];
    scores = new long[n];
    scoreSeqs = new long[n];
    claimTats = new long[n];
    solved = new boolean[n * puzzles];
    hintsTaken = new int[n * puzzles];
    pointsEarned = new int[n * puzzles];
    guessTats = new long[n * puzzles];
    claimed = new boolean[n * treasures];
  }

  int count() {
    return count;
  }

  /** The index of the team with this exact name, or -1. */
  int find(String name) {
    return byName.getValue(name);
  }

  int add(String name, boolean isSolo) {
    if (count == names.length) {
      grow(names.length * 2);
    }
    int idx = count++;
    names[idx] = name;
    encodedNames[idx] = JsonWriter.encode(name);
    solo[idx] = isSolo;
    byName.put(name, idx);
    return idx;
  }

  private void grow(int n) {
    names = Arrays.copyOf(names, n);
    encodedNames = Arrays.copyOf(encodedNames, n);
    solo = Arrays.copyOf(solo, n);
    sizes = Arrays.copyOf(sizes, n);
    scores = Arrays.copyOf(scores, n);
    scoreSeqs = Arrays.copyOf(scoreSeqs, n);
    claimTats = Arrays.copyOf(claimTats, n);
    solved = Arrays.copyOf(solved, n * puzzles);
    hintsTaken = Arrays.copyOf(hintsTaken, n * puzzles);
    pointsEarned = Arrays.copyOf(pointsEarned, n * puzzles);
    guessTats = Arrays.copyOf(guessTats, n * puzzles);
    claimed = Arrays.copyOf(claimed, n * treasures);
  }

  /**
   * Re-indexes every team's progress for a reloaded hunt: {@code puzzleFrom[newIndex]} and {@code
   * treasureFrom[newIndex]} give the old index of the same id, or -1 for a new item.
   */
  void remap(int[] puzzleFrom, int[] treasureFrom) {
    int n = names.length;
    int p = puzzleFrom.length;
    int t = treasureFrom.length;
    boolean[] newSolved = new boolean[n * p];
    int[] newHints = new int[n * p];
    int[] newPoints = new int[n * p];
    long[] newGuessTats = new long[n * p];
    boolean[] newClaimed = new boolean[n * t];
    for (int team = 0; team < count; team++) {
      for (int j = 0; j < p; j++) {
        int old = puzzleFrom[j];
        if (old >= 0) {
          newSolved[team * p + j] = solved[team * puzzles + old];
          newHints[team * p + j] = hintsTaken[team * puzzles + old];
          newPoints[team * p + j] = pointsEarned[team * puzzles + old];
          newGuessTats[team * p + j] = guessTats[team * puzzles + old];
        }
      }
      for (int j = 0; j < t; j++) {
        int old = treasureFrom[j];
        if (old >= 0) {
          newClaimed[team * t + j] = claimed[team * treasures + old];
        }
      }
    }
    puzzles = p;
    treasures = t;
    solved = newSolved;
    hintsTaken = newHints;
    pointsEarned = newPoints;
    guessTats = newGuessTats;
    claimed = newClaimed;
  }

  String name(int team) {
    return names[team];
  }

  /** The name in JSON form, for {@link JsonWriter#encoded}. */
  byte[] encodedName(int team) {
    return encodedNames[team];
  }

  boolean solo(int team) {
    return solo[team];
  }

  int size(int team) {
    return sizes[team];
  }

  void addMember(int team) {
    sizes[team]++;
  }

  long score(int team) {
    return scores[team];
  }

  /** The hunt seq at which the team reached its current score: ties rank by it. */
  long scoreSeq(int team) {
    return scoreSeqs[team];
  }

  void addScore(int team, long delta, long seq) {
    scores[team] += delta;
    scoreSeqs[team] = seq;
  }

  void clearGuessLimits() {
    Arrays.fill(guessTats, 0L);
  }

  void clearClaimLimits() {
    Arrays.fill(claimTats, 0L);
  }

  long claimTat(int team) {
    return claimTats[team];
  }

  void claimTat(int team, long tat) {
    claimTats[team] = tat;
  }

  boolean solved(int team, int puzzle) {
    return solved[team * puzzles + puzzle];
  }

  int pointsEarned(int team, int puzzle) {
    return pointsEarned[team * puzzles + puzzle];
  }

  void solve(int team, int puzzle, int points) {
    solved[team * puzzles + puzzle] = true;
    pointsEarned[team * puzzles + puzzle] = points;
  }

  int hintsTaken(int team, int puzzle) {
    return hintsTaken[team * puzzles + puzzle];
  }

  void takeHint(int team, int puzzle) {
    hintsTaken[team * puzzles + puzzle]++;
  }

  long guessTat(int team, int puzzle) {
    return guessTats[team * puzzles + puzzle];
  }

  void guessTat(int team, int puzzle, long tat) {
    guessTats[team * puzzles + puzzle] = tat;
  }

  boolean claimed(int team, int treasure) {
    return claimed[team * treasures + treasure];
  }

  void claim(int team, int treasure) {
    claimed[team * treasures + treasure] = true;
  }

  /** Restores a team read from a snapshot; the caller then fills its progress. */
  void restore(String name, boolean isSolo, int size, long score, long scoreSeq, long claimTat) {
    int idx = add(name, isSolo);
    sizes[idx] = size;
    scores[idx] = score;
    scoreSeqs[idx] = scoreSeq;
    claimTats[idx] = claimTat;
  }

  void restoreProgress(
      int team, int puzzle, boolean isSolved, int hints, int points, long guessTat) {
    int i = team * puzzles + puzzle;
    solved[i] = isSolved;
    hintsTaken[i] = hints;
    pointsEarned[i] = points;
    guessTats[i] = guessTat;
  }

  void restoreClaim(int team, int treasure, boolean isClaimed) {
    claimed[team * treasures + treasure] = isClaimed;
  }
}
