package io.cairn.veltrix;

/**
 * The scoring rules of a hunt.
 *
 * @param firstClaimBonus extra points for the first team to claim a treasure
 * @param decayKind how puzzle values fall with earlier solves
 * @param decayPerSolve points lost per earlier solving team (scaled by log2 for {@link
 *     DecayKind#LOG})
 * @param decayMinimum the value a decaying puzzle never drops below
 */
public record Scoring(
    int firstClaimBonus, DecayKind decayKind, int decayPerSolve, int decayMinimum) {

  public static final Scoring DEFAULT = new Scoring(0, DecayKind.NONE, 0, 0);

  /**
   * The points a team earns for a puzzle worth {@code basePoints} when {@code earlierSolves} other
   * teams solved it before. Pure and allocation-free: the engine calls it per solve.
   */
  public int puzzleValue(int basePoints, int earlierSolves) {
    switch (decayKind) {
      case NONE:
        return basePoints;
      case LINEAR:
        {
          long value = (long) basePoints - (long) decayPerSolve * earlierSolves;
          return (int) Math.max(Math.min(decayMinimum, basePoints), value);
        }
      case LOG:
        {
          double lost = decayPerSolve * (Math.log1p(earlierSolves) / Math.log(2));
          long value = Math.round(basePoints - lost);
          return (int) Math.max(Math.min(decayMinimum, basePoints), value);
        }
      default:
        throw new IllegalStateException("unknown decay " + decayKind);
    }
  }
}
