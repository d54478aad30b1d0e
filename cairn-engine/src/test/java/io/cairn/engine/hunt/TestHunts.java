package io.cairn.engine.hunt;

import java.time.Instant;

/**
 * Builds Veltrix text for tests and benchmarks: a small harbour hunt (three puzzles, three
 * treasures, one chain of requires) whose every knob a test may turn has a setter.
 */
public final class TestHunts {
  /** Latitude and longitude of the old anchor, the treasure most tests walk to. */
  public static final double ANCHOR_LAT = 59.3251;

  public static final double ANCHOR_LON = 18.0711;

  private String id = "harbor-run";
  private long startsAtMs = Long.MIN_VALUE;
  private long endsAtMs = Long.MIN_VALUE;
  private int maxPlayers = 20_000;
  private int teamMaxSize = 4;
  private int firstClaimBonus = 50;
  private String decay = "";
  private int guessesPerMinute = 3;
  private int claimsPerMinute = 5;
  private double maxSpeedMps = 10;
  private double moveToleranceM = 30;
  private double scanRadiusM = 500;
  private int extraTreasures;
  private String titleSuffix = "";
  private String extraPuzzle = "";
  private int lighthousePoints = 100;
  private boolean withTide = true;
  private String rounds = "";

  public static TestHunts hunt() {
    return new TestHunts();
  }

  public TestHunts id(String value) {
    id = value;
    return this;
  }

  public TestHunts startsAtMs(long value) {
    startsAtMs = value;
    return this;
  }

  public TestHunts endsAtMs(long value) {
    endsAtMs = value;
    return this;
  }

  public TestHunts maxPlayers(int value) {
    maxPlayers = value;
    return this;
  }

  public TestHunts teamMaxSize(int value) {
    teamMaxSize = value;
    return this;
  }

  public TestHunts firstClaimBonus(int value) {
    firstClaimBonus = value;
    return this;
  }

  /** {@code kind} linear or log. */
  public TestHunts decay(String kind, int perSolve, int minimum) {
    decay =
        "  decay:\n    kind: "
            + kind
            + "\n    per-solve: "
            + perSolve
            + "\n    minimum: "
            + minimum
            + "\n";
    return this;
  }

  public TestHunts guessesPerMinute(int value) {
    guessesPerMinute = value;
    return this;
  }

  public TestHunts claimsPerMinute(int value) {
    claimsPerMinute = value;
    return this;
  }

  public TestHunts maxSpeedMps(double value) {
    maxSpeedMps = value;
    return this;
  }

  public TestHunts scanRadiusM(double value) {
    scanRadiusM = value;
    return this;
  }

  /** Adds {@code count} plain treasures on a grid north-east of the harbour. */
  public TestHunts extraTreasures(int count) {
    extraTreasures = count;
    return this;
  }

  /** Changes the title (a change a reload may always make). */
  public TestHunts titleSuffix(String value) {
    titleSuffix = value;
    return this;
  }

  /** Adds a fourth puzzle, {@code bonus}, worth 10 points, answer "extra". */
  public TestHunts withBonusPuzzle() {
    extraPuzzle =
        "  - id: bonus\n"
            + "    title: Bonus\n"
            + "    text: Say extra.\n"
            + "    points: 10\n"
            + "    answers: [extra]\n";
    return this;
  }

  /** Leaves the tide puzzle out (removing a puzzle is unsafe to reload once someone solved it). */
  public TestHunts withoutTide() {
    withTide = false;
    return this;
  }

  /** Changes the lighthouse's points (unsafe to reload once someone solved it). */
  public TestHunts lighthousePoints(int value) {
    lighthousePoints = value;
    return this;
  }

  /**
   * Puts the hunt in three rounds: {@code warm-up} (0s: lighthouse, riddle, old-anchor), {@code
   * docks} ({@code docksAfter}: tide, boathouse) and {@code finale} ({@code finaleAfter}: island).
   */
  public TestHunts withRounds(String docksAfter, String finaleAfter) {
    rounds =
        "rounds:\n"
            + "  - {id: warm-up, title: Warm-up, starts-after: 0s}\n"
            + "  - {id: docks, title: Down at the Docks, starts-after: "
            + docksAfter
            + "}\n"
            + "  - {id: finale, title: Finale, starts-after: "
            + finaleAfter
            + "}\n";
    return this;
  }

  /** {@link #withRounds(String, String)} at 10m and 30m. */
  public TestHunts withRounds() {
    return withRounds("10m", "30m");
  }

  private static void inRound(StringBuilder y, String after, String round) {
    int at = y.indexOf(after);
    if (at >= 0) {
      y.insert(at + after.length(), "    round: " + round + "\n");
    }
  }

  public String text() {
    StringBuilder y = new StringBuilder();
    y.append("id: ").append(id).append('\n');
    y.append("title: Harbor Run").append(titleSuffix).append('\n');
    y.append("description: Clues around the old harbour.\n");
    if (startsAtMs != Long.MIN_VALUE) {
      y.append("starts-at: ").append(Instant.ofEpochMilli(startsAtMs)).append('\n');
    }
    if (endsAtMs != Long.MIN_VALUE) {
      y.append("ends-at: ").append(Instant.ofEpochMilli(endsAtMs)).append('\n');
    }
    y.append("scan-radius-m: ").append(scanRadiusM).append('\n');
    y.append("max-players: ").append(maxPlayers).append('\n');
    y.append("teams:\n  max-size: ").append(teamMaxSize).append('\n');
    y.append("scoring:\n  first-claim-bonus: ").append(firstClaimBonus).append('\n');
    y.append(decay);
    y.append("limits:\n");
    y.append("  guesses-per-minute: ").append(guessesPerMinute).append('\n');
    y.append("  claims-per-minute: ").append(claimsPerMinute).append('\n');
    y.append("  max-speed-mps: ").append(maxSpeedMps).append('\n');
    y.append("  move-tolerance-m: ").append(moveToleranceM).append('\n');
    y.append(rounds);
    y.append(
        """
        puzzles:
          - id: lighthouse
            title: Light the way
            text: What kind of lens made the harbour light visible 20 miles out?
            points: LIGHTHOUSE_POINTS
            answers: [fresnel, fresnel lens]
            answer-patterns: ['^fres+nel( lens)?$']
            partial:
              - answer: lens
                reply: Which kind of lens?
            hints:
              - text: Think of a French physicist.
                cost: 20
                after: 15m
              - text: It starts with F.
                cost: 30
                after: 30m
          - id: riddle
            title: Heavy and sunk
            text: What holds a ship in place?
            points: 50
            answers: [anchor]
            requires: [lighthouse]
          - id: tide
            title: Twice a day
            text: What rises twice a day?
            points: 60
            answers: [high tide]
        """);
    if (!withTide) {
      int tide = y.indexOf("  - id: tide\n");
      y.setLength(tide);
    }
    int at = y.indexOf("LIGHTHOUSE_POINTS");
    y.replace(at, at + "LIGHTHOUSE_POINTS".length(), Integer.toString(lighthousePoints));
    y.append(extraPuzzle);
    if (!rounds.isEmpty()) {
      inRound(y, "    answers: [high tide]\n", "docks");
    }
    y.append(
        """
        treasures:
          - id: old-anchor
            name: The Old Anchor
            lat: 59.3251
            lon: 18.0711
            radius-m: 25
            points: 200
            code: ANCHOR-7731
            requires: [lighthouse]
          - id: boathouse
            name: The Boathouse
            lat: 59.3260
            lon: 18.0725
            radius-m: 40
            points: 100
          - id: island
            name: The Island
            lat: 59.3400
            lon: 18.1000
            radius-m: 25
            points: 80
        """);
    if (!rounds.isEmpty()) {
      inRound(y, "    radius-m: 40\n    points: 100\n", "docks");
      inRound(y, "    radius-m: 25\n    points: 80\n", "finale");
    }
    for (int i = 0; i < extraTreasures; i++) {
      y.append("  - id: cache-").append(i).append('\n');
      y.append("    name: Cache ").append(i).append('\n');
      y.append("    lat: ").append(59.3 + (i / 100) * 0.001).append('\n');
      y.append("    lon: ").append(18.0 + (i % 100) * 0.002).append('\n');
      y.append("    radius-m: 20\n    points: 10\n");
    }
    return y.toString();
  }
}
