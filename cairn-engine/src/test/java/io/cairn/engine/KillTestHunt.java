package io.cairn.engine;

/** The hunt the kill test plays: plain puzzles and treasures, limits out of the way. */
final class KillTestHunt {
  static final String ID = "kill-test";
  static final int PUZZLES = 12;
  static final int TREASURES = 12;

  private KillTestHunt() {}

  static String yaml() {
    StringBuilder sb = new StringBuilder();
    sb.append("id: ").append(ID).append('\n');
    sb.append("title: Kill test\n");
    sb.append("scan-radius-m: 500\n");
    sb.append("max-players: 100000\n");
    sb.append("teams:\n  max-size: 4\n");
    sb.append("scoring:\n  first-claim-bonus: 10\n");
    sb.append("limits:\n");
    sb.append("  guesses-per-minute: 10000\n");
    sb.append("  claims-per-minute: 10000\n");
    sb.append("  max-speed-mps: 100000000\n");
    // moves of one player can share a millisecond; the tolerance lets them jump between treasures
    sb.append("  move-tolerance-m: 100000\n");
    sb.append("puzzles:\n");
    for (int p = 0; p < PUZZLES; p++) {
      sb.append("  - id: p").append(p).append('\n');
      sb.append("    title: Puzzle ").append(p).append('\n');
      sb.append("    text: Say answer ").append(p).append('\n');
      sb.append("    points: ").append(10 + p).append('\n');
      sb.append("    answers: [answer").append(p).append("]\n");
      sb.append("    hints:\n      - text: It is answer").append(p).append("\n        cost: 1\n");
    }
    sb.append("treasures:\n");
    for (int t = 0; t < TREASURES; t++) {
      sb.append("  - id: t").append(t).append('\n');
      sb.append("    name: Treasure ").append(t).append('\n');
      sb.append("    lat: ").append(lat(t)).append('\n');
      sb.append("    lon: ").append(lon(t)).append('\n');
      sb.append("    radius-m: 30\n");
      sb.append("    points: ").append(50 + t).append('\n');
    }
    return sb.toString();
  }

  static double lat(int treasure) {
    return 59.30 + treasure * 0.001;
  }

  static double lon(int treasure) {
    return 18.05 + treasure * 0.001;
  }
}
