package io.cairn.engine;

/**
 * A hunt that exercises every rule the engine has: chained puzzles, partial answers, patterns,
 * timed hints, codes, linear decay, a scheduled start and end; hunts whose id ends in b or c come
 * in three rounds (20 minutes and 1 hour after the start), which a reload may retitle.
 */
final class ReplayHunt {
  static final int PUZZLES = 6;
  static final int TREASURES = 6;

  private ReplayHunt() {}

  static String yaml(String id, boolean retitled) {
    StringBuilder sb = new StringBuilder();
    sb.append("id: ").append(id).append('\n');
    sb.append("title: ").append(retitled ? "Replay (renamed)" : "Replay").append('\n');
    if (!id.endsWith("c")) {
      sb.append("starts-at: 2026-12-01T18:00:00Z\n");
      sb.append("ends-at: 2026-12-01T21:00:00Z\n");
    }
    sb.append("scan-radius-m: 300\n");
    sb.append("max-players: 50\n");
    sb.append("teams:\n  max-size: 3\n");
    sb.append("scoring:\n  first-claim-bonus: 25\n");
    sb.append("  decay:\n    kind: linear\n    per-solve: 3\n    minimum: 5\n");
    sb.append("limits:\n  guesses-per-minute: 4\n  claims-per-minute: 6\n");
    boolean rounds = id.endsWith("b") || id.endsWith("c");
    if (rounds) {
      sb.append("rounds:\n");
      sb.append("  - {id: first, title: First, starts-after: 0s}\n");
      sb.append("  - {id: second, title: ")
          .append(retitled ? "Second (renamed)" : "Second")
          .append(", starts-after: 20m}\n");
      sb.append("  - {id: third, title: Third, starts-after: 1h}\n");
    }
    sb.append("puzzles:\n");
    for (int p = 0; p < PUZZLES; p++) {
      sb.append("  - id: p").append(p).append('\n');
      sb.append("    title: Puzzle ").append(p).append('\n');
      sb.append("    text: What is answer ").append(p).append("?\n");
      sb.append("    points: ").append(20 + 5 * p).append('\n');
      sb.append("    answers: [answer").append(p).append("]\n");
      sb.append("    answer-patterns: ['^answ?er ").append(p).append("$']\n");
      sb.append("    partial:\n      - answer: close").append(p).append('\n');
      sb.append("        reply: Keep going\n");
      sb.append("    hints:\n");
      sb.append("      - text: First hint\n        cost: 2\n");
      sb.append("      - text: Second hint\n        cost: 3\n        after: 30m\n");
      if (p > 0 && p % 2 == 0) {
        sb.append("    requires: [p").append(p - 1).append("]\n");
      }
      if (rounds && p >= 3) {
        sb.append("    round: ").append(p == 5 ? "third" : "second").append('\n');
      }
    }
    sb.append("treasures:\n");
    for (int t = 0; t < TREASURES; t++) {
      sb.append("  - id: t").append(t).append('\n');
      sb.append("    name: Treasure ").append(t).append('\n');
      sb.append("    lat: ").append(lat(t)).append('\n');
      sb.append("    lon: ").append(lon(t)).append('\n');
      sb.append("    radius-m: 40\n");
      sb.append("    points: ").append(40 + t).append('\n');
      if (t % 2 == 0) {
        sb.append("    code: CODE-").append(t).append('\n');
      }
      if (t % 3 == 2) {
        sb.append("    requires: [p1]\n");
      }
      if (rounds && t >= 3) {
        sb.append("    round: ").append(t == 3 ? "second" : "third").append('\n');
      }
    }
    return sb.toString();
  }

  static double lat(int treasure) {
    return 48.85 + treasure * 0.002;
  }

  static double lon(int treasure) {
    return 2.35 + treasure * 0.002;
  }
}
