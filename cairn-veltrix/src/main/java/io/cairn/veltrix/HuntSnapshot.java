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
  private final String sourceName;
  private final String sourceText;

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
    this.sourceName = sourceName;
    this.sourceText = sourceText;
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

  /** Where the hunt came from, for messages ({@code hunts/harbor-run.hunt.yaml}, "upload"). */
  public String sourceName() {
    return sourceName;
  }

  /** The Veltrix text this snapshot was compiled from; journaled so that replay recompiles it. */
  public String sourceText() {
    return sourceText;
  }
}
