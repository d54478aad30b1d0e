package io.cairn.veltrix;

/** How a puzzle's value falls as more teams solve it. */
public enum DecayKind {
  /** Every solving team gets the full points. */
  NONE,
  /** {@code points - perSolve * earlierSolves}, never below the minimum. */
  LINEAR,
  /** {@code points - perSolve * log2(1 + earlierSolves)}, rounded, never below the minimum. */
  LOG
}
