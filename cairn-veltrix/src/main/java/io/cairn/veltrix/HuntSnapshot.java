package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A hunt compiled from its Veltrix file: immutable, validated, with dense int ids for puzzles and
 * treasures. The engine reads it without locks or parsing; a reload replaces it whole.
 */
public final class HuntSnapshot {
  /** Marks an absent {@code starts-at} or {@code ends-at}. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final String id;
  private final String title;
  private final String description;
  private final long startsAtMs;
  private final long endsAtMs;
  private final double scanRadiusM;
  private final int maxPlayers;
  private final int teamMaxSize;
  private final Scoring scoring;
  private final Limits limits;
  private final List<Puzzle> puzzles;
  private final List<Treasure> treasures;
  private final IdIndex puzzleIndexById;
  private final IdIndex treasureIndexById;
  private final List<Round> rounds;
  private final long[] roundStartsAfterMs;
  private final int[] puzzleRounds;
  private final int[] treasureRounds;
  private final String sourceName;
  private final String sourceText;

  /** A hunt without rounds: everything is in the one implicit round, open from the start. */
  public HuntSnapshot(
      String id,
      String title,
      String description,
      long startsAtMs,
      long endsAtMs,
      double scanRadiusM,
      int maxPlayers,
      int teamMaxSize,
      Scoring scoring,
      Limits limits,
      List<Puzzle> puzzles,
      List<Treasure> treasures,
      String sourceName,
      String sourceText) {
    this(
        id,
        title,
        description,
        startsAtMs,
        endsAtMs,
        scanRadiusM,
        maxPlayers,
        teamMaxSize,
        scoring,
        limits,
        puzzles,
        treasures,
        List.of(),
        new int[puzzles.size()],
        new int[treasures.size()],
        sourceName,
        sourceText);
  }

  /**
   * A hunt in rounds; {@code puzzleRounds[p]} and {@code treasureRounds[t]} are round indexes (all
   * 0 when {@code rounds} is empty).
   */
  public HuntSnapshot(
      String id,
      String title,
      String description,
      long startsAtMs,
      long endsAtMs,
      double scanRadiusM,
      int maxPlayers,
      int teamMaxSize,
      Scoring scoring,
      Limits limits,
      List<Puzzle> puzzles,
      List<Treasure> treasures,
      List<Round> rounds,
      int[] puzzleRounds,
      int[] treasureRounds,
      String sourceName,
      String sourceText) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.startsAtMs = startsAtMs;
    this.endsAtMs = endsAtMs;
    this.scanRadiusM = scanRadiusM;
    this.maxPlayers = maxPlayers;
    this.teamMaxSize = teamMaxSize;
    this.scoring = scoring;
    this.limits = limits;
    this.puzzles = List.copyOf(puzzles);
    this.treasures = List.copyOf(treasures);
    List<String> puzzleIds = new ArrayList<>();
    for (int i = 0; i < this.puzzles.size(); i++) {
      Puzzle p = this.puzzles.get(i);
      if (p.index() != i) {
        throw new IllegalArgumentException("puzzle " + p.id() + " has index " + p.index());
      }
      puzzleIds.add(p.id());
    }
    this.puzzleIndexById = new IdIndex(puzzleIds);
    List<String> treasureIds = new ArrayList<>();
    for (int i = 0; i < this.treasures.size(); i++) {
      Treasure t = this.treasures.get(i);
      if (t.index() != i) {
        throw new IllegalArgumentException("treasure " + t.id() + " has index " + t.index());
      }
      treasureIds.add(t.id());
    }
    this.treasureIndexById = new IdIndex(treasureIds);
    this.rounds = List.copyOf(rounds);
    this.roundStartsAfterMs = new long[this.rounds.size()];
    for (int i = 0; i < this.rounds.size(); i++) {
      if (this.rounds.get(i).index() != i) {
        throw new IllegalArgumentException("round " + this.rounds.get(i).id() + " has index " + i);
      }
      roundStartsAfterMs[i] = this.rounds.get(i).startsAfterMs();
    }
    this.puzzleRounds = checkedRounds(puzzleRounds, this.puzzles.size(), "puzzle");
    this.treasureRounds = checkedRounds(treasureRounds, this.treasures.size(), "treasure");
    this.sourceName = sourceName;
    this.sourceText = sourceText;
  }

  private int[] checkedRounds(int[] roundOf, int count, String kind) {
    if (roundOf.length != count) {
      throw new IllegalArgumentException(
          count + " " + kind + "s but " + roundOf.length + " rounds");
    }
    for (int r : roundOf) {
      if (r < 0 || (r > 0 && r >= rounds.size())) {
        throw new IllegalArgumentException("a " + kind + " names round " + r);
      }
    }
    return roundOf.clone();
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** Epoch milliseconds, or {@link #NO_TIME}: the hunt starts when an organiser starts it. */
  public long startsAtMs() {
    return startsAtMs;
  }

  /** Epoch milliseconds, or {@link #NO_TIME}: the hunt ends when an organiser ends it. */
  public long endsAtMs() {
    return endsAtMs;
  }

  public double scanRadiusM() {
    return scanRadiusM;
  }

  public int maxPlayers() {
    return maxPlayers;
  }

  public int teamMaxSize() {
    return teamMaxSize;
  }

  public Scoring scoring() {
    return scoring;
  }

  public Limits limits() {
    return limits;
  }

  public int puzzleCount() {
    return puzzles.size();
  }

  public Puzzle puzzle(int index) {
    return puzzles.get(index);
  }

  public List<Puzzle> puzzles() {
    return puzzles;
  }

  /** The dense index of the puzzle with this id, or -1. Allocation-free. */
  public int puzzleIndex(CharSequence puzzleId) {
    return puzzleIndexById.indexOf(puzzleId);
  }

  public int treasureCount() {
    return treasures.size();
  }

  public Treasure treasure(int index) {
    return treasures.get(index);
  }

  public List<Treasure> treasures() {
    return treasures;
  }

  /** The dense index of the treasure with this id, or -1. Allocation-free. */
  public int treasureIndex(CharSequence treasureId) {
    return treasureIndexById.indexOf(treasureId);
  }

  /** Whether the file lists rounds; without them everything is in one implicit round, index 0. */
  public boolean hasRounds() {
    return !rounds.isEmpty();
  }

  /** The listed rounds, in the order they open; empty when the file lists none. */
  public List<Round> rounds() {
    return rounds;
  }

  public int roundCount() {
    return rounds.size();
  }

  public Round round(int index) {
    return rounds.get(index);
  }

  /** The index of the round with this id, or -1. Not for the hot path (a linear search). */
  public int roundIndex(String roundId) {
    for (int i = 0; i < rounds.size(); i++) {
      if (rounds.get(i).id().equals(roundId)) {
        return i;
      }
    }
    return -1;
  }

  /** How long after the hunt's start round {@code index} opens. Allocation-free. */
  public long roundStartsAfterMs(int index) {
    return roundStartsAfterMs[index];
  }

  /** The round index of a puzzle (0 when the hunt has no rounds). Allocation-free. */
  public int puzzleRound(int puzzle) {
    return puzzleRounds[puzzle];
  }

  /** The round index of a treasure (0 when the hunt has no rounds). Allocation-free. */
  public int treasureRound(int treasure) {
    return treasureRounds[treasure];
  }

  /** Where the hunt came from, for messages ({@code hunts/harbor-run.hunt.yaml}, "upload"). */
  public String sourceName() {
    return sourceName;
  }

  /** The Veltrix text this snapshot was compiled from; journaled so that replay recompiles it. */
  public String sourceText() {
    return sourceText;
  }
}
