package io.cairn.app.sim;

/**
 * How fast bots play. {@code cairn simulate} wants many commands in a short run; a demo wants
 * players who look human on a leaderboard that stays alive for hours: seconds between actions, long
 * thinking over a puzzle, arrivals spread over the first minutes, walking speeds.
 *
 * @param minTickMs shortest pause between two of a bot's turns (a move and at most one more action)
 * @param maxTickMs longest pause between two turns
 * @param minThinkMs shortest time a bot thinks over a puzzle after a guess before guessing it again
 * @param maxThinkMs longest such time
 * @param joinSpreadMs the first bots join one after another, evenly spread over this time from the
 *     start
 * @param minSpeedMps slowest walker
 * @param maxSpeedMps fastest walker (bounded further by the hunt's {@code limits.max-speed-mps})
 * @param patienceMs a bot that has not finished the hunt after this long gives up and leaves; 0 for
 *     never
 */
public record Pace(
    long minTickMs,
    long maxTickMs,
    long minThinkMs,
    long maxThinkMs,
    long joinSpreadMs,
    double minSpeedMps,
    double maxSpeedMps,
    long patienceMs) {

  /** {@code cairn simulate}: a turn every half second to a second, walkers to joggers. */
  public static final Pace SIMULATION = new Pace(500, 1_000, 2_000, 6_000, 1_000, 1.5, 6.0, 0);

  /**
   * {@code cairn demo}: a turn every 2 to 5 seconds, 20 to 60 seconds of thinking per puzzle,
   * arrivals over three minutes, walking speeds; a bot gives up after 45 minutes.
   */
  public static final Pace DEMO =
      new Pace(2_000, 5_000, 20_000, 60_000, 180_000, 1.0, 2.2, 45 * 60_000L);

  public Pace {
    if (minTickMs < 1 || maxTickMs < minTickMs) {
      throw new IllegalArgumentException("ticks must be 1 <= min <= max ms");
    }
    if (minThinkMs < 0 || maxThinkMs < minThinkMs || joinSpreadMs < 0 || patienceMs < 0) {
      throw new IllegalArgumentException("times must be >= 0 and min <= max");
    }
    if (!(minSpeedMps > 0) || maxSpeedMps < minSpeedMps) {
      throw new IllegalArgumentException("speeds must be 0 < min <= max m/s");
    }
  }

  /**
   * This pace with every time divided by {@code factor} (turns, thinking, arrivals, patience) and
   * the same walking speeds, so that moves still pass the impossible-travel check; for tests.
   */
  public Pace faster(double factor) {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("factor must be at least 1, not " + factor);
    }
    return new Pace(
        Math.max(1, Math.round(minTickMs / factor)),
        Math.max(1, Math.round(maxTickMs / factor)),
        Math.round(minThinkMs / factor),
        Math.round(maxThinkMs / factor),
        Math.round(joinSpreadMs / factor),
        minSpeedMps,
        maxSpeedMps,
        Math.round(patienceMs / factor));
  }
}
