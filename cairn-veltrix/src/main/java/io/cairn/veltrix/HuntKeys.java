package io.cairn.veltrix;

import java.util.List;

/**
 * Every key a hunt file may hold, per level. The compiler rejects any other key with these as the
 * "did you mean" candidates, and a test holds the JSON Schema to the same lists.
 */
final class HuntKeys {
  static final List<String> ROOT =
      List.of(
          "id",
          "title",
          "description",
          "starts-at",
          "ends-at",
          "scan-radius-m",
          "max-players",
          "teams",
          "scoring",
          "limits",
          "rounds",
          "puzzles",
          "treasures");
  static final List<String> ROUND = List.of("id", "title", "starts-after");
  static final List<String> TEAMS = List.of("max-size");
  static final List<String> SCORING = List.of("first-claim-bonus", "decay");
  static final List<String> DECAY = List.of("kind", "per-solve", "minimum");
  static final List<String> LIMITS =
      List.of("guesses-per-minute", "claims-per-minute", "max-speed-mps", "move-tolerance-m");
  static final List<String> PUZZLE =
      List.of(
          "id",
          "title",
          "text",
          "points",
          "answers",
          "answer-patterns",
          "partial",
          "hints",
          "requires",
          "round");
  static final List<String> PARTIAL = List.of("answer", "reply");
  static final List<String> HINT = List.of("text", "cost", "after");
  static final List<String> TREASURE =
      List.of("id", "name", "lat", "lon", "radius-m", "points", "code", "requires", "round");

  private HuntKeys() {}
}
