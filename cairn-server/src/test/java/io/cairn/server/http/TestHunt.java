package io.cairn.server.http;

/** A small hunt file for the admin and catalog tests. */
final class TestHunt {
  private TestHunt() {}

  static String yaml(String id, int points) {
    return "id: "
        + id
        + "\n"
        + "title: Test Hunt\n"
        + "scan-radius-m: 500\n"
        + "max-players: 100\n"
        + "teams:\n  max-size: 4\n"
        + "scoring:\n  first-claim-bonus: 10\n"
        + "puzzles:\n"
        + "  - id: p1\n"
        + "    title: Puzzle one\n"
        + "    text: Say one\n"
        + "    points: "
        + points
        + "\n"
        + "    answers: [one]\n"
        + "treasures:\n"
        + "  - id: t1\n"
        + "    name: Treasure one\n"
        + "    lat: 59.3\n"
        + "    lon: 18.05\n"
        + "    radius-m: 30\n"
        + "    points: 50\n";
  }
}
