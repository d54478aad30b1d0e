package io.cairn.load;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The open-loop plan every player of a worker follows: each player sends at the times of its own
 * Poisson process of rate {@code rate / players}, so the whole offered load is a Poisson process of
 * the scenario's rate whatever the server does; ops are drawn from the mix. Times are {@link
 * System#nanoTime} values, fixed when the coordinator says go.
 */
final class Schedule {
  final boolean echo;
  final double meanIntervalNs;
  private final double[] cumulative = new double[Op.values().length];
  volatile long startNs = Long.MAX_VALUE;
  volatile long measureStartNs = Long.MAX_VALUE;
  volatile long endNs = Long.MAX_VALUE;
  private volatile long measureStartEpochMs = Long.MAX_VALUE;
  private volatile long endEpochMs = Long.MAX_VALUE;

  Schedule(Scenario scenario) {
    this.echo = scenario.echo();
    this.meanIntervalNs = scenario.players() / scenario.rate() * 1e9;
    double total = 0;
    for (Map.Entry<Op, Double> e : scenario.mix().entrySet()) {
      total += e.getValue();
    }
    double sum = 0;
    int lastWeighted = 0;
    for (Op op : Op.values()) {
      double w = scenario.mix().getOrDefault(op, 0.0);
      sum += w / total;
      cumulative[op.ordinal()] = sum;
      if (w > 0) {
        lastWeighted = op.ordinal();
      }
    }
    for (int i = lastWeighted; i < cumulative.length; i++) {
      cumulative[i] = 1.0; // rounding never picks an op of weight 0
    }
  }

  /** Fixes the times: load starts at {@code startNs}, is measured after warmup, then stops. */
  void start(long startNs, long startEpochMs, long warmupMs, long durationMs) {
    this.measureStartNs = startNs + warmupMs * 1_000_000L;
    this.endNs = measureStartNs + durationMs * 1_000_000L;
    this.measureStartEpochMs = startEpochMs + warmupMs;
    this.endEpochMs = measureStartEpochMs + durationMs;
    this.startNs = startNs;
  }

  /** The gap to a player's next request: exponential with the mean interval. */
  long nextGapNs(SplittableRandom rng) {
    return (long) (-meanIntervalNs * Math.log(1.0 - rng.nextDouble())) + 1;
  }

  Op pick(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return Op.of(i);
      }
    }
    return Op.of(cumulative.length - 1);
  }

  /** Whether a server time stamp (epoch ms) falls in the measured part. */
  boolean measuredEpochMs(long epochMs) {
    return epochMs >= measureStartEpochMs && epochMs < endEpochMs;
  }

  boolean measured(long intendedNs) {
    return intendedNs >= measureStartNs && intendedNs < endNs;
  }
}
