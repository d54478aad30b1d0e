package io.cairn.veltrix;

/**
 * A compiled treasure. {@code index} is its dense id inside its snapshot.
 *
 * @param normalizedCode the claim code after {@link AnswerNormalizer#normalize}, or "" when the
 *     treasure has no code
 * @param requires indexes of the puzzles to solve before it can be claimed
 */
public record Treasure(
    int index,
    String id,
    String name,
    double lat,
    double lon,
    double radiusM,
    int points,
    String normalizedCode,
    IntList requires) {

  public boolean hasCode() {
    return !normalizedCode.isEmpty();
  }
}
