package io.cairn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command-line options and reports, per benchmark and parameter set, the
 * median of the per-fork scores (and of the allocation per operation under {@code -prof gc}). On a
 * shared, noisy machine one fork can land on a bad moment; the median of several forks is the
 * figure worth writing down, and the spread says how noisy the run was.
 *
 * <pre>
 * java -cp cairn-bench/target/benchmarks.jar io.cairn.bench.Medians EngineApply -f 3 -prof gc
 * </pre>
 */
public final class Medians {
  private static final String ALLOC_NORM = "gc.alloc.rate.norm";

  private Medians() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    System.out.println();
    System.out.println("Medians of per-fork scores");
    System.out.printf(
        "%-60s %14s %14s %14s %-8s %6s %14s%n",
        "benchmark (params)", "median", "min", "max", "unit", "forks", "B/op (median)");
    for (RunResult run : results) {
      List<Double> scores = new ArrayList<>();
      List<Double> allocations = new ArrayList<>();
      String unit = run.getPrimaryResult().getScoreUnit();
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        scores.add(fork.getPrimaryResult().getScore());
        allocationOf(fork, allocations);
      }
      System.out.printf(
          "%-60s %14.1f %14.1f %14.1f %-8s %6d %14s%n",
          name(run),
          median(scores),
          scores.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
          scores.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
          unit,
          scores.size(),
          allocations.isEmpty() ? "-" : String.format("%.3f", median(allocations)));
    }
  }

  /** JMH hands secondary results out as a raw map; this is the one place that reads it. */
  @SuppressWarnings("rawtypes")
  private static void allocationOf(BenchmarkResult fork, List<Double> allocations) {
    for (Map.Entry<String, Result> secondary : fork.getSecondaryResults().entrySet()) {
      if (secondary.getKey().endsWith(ALLOC_NORM)) {
        allocations.add(secondary.getValue().getScore());
      }
    }
  }

  private static String name(RunResult run) {
    String benchmark = run.getParams().getBenchmark();
    String shortName =
        benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    Map<String, String> params = new TreeMap<>();
    for (String key : run.getParams().getParamsKeys()) {
      params.put(key, run.getParams().getParam(key));
    }
    return params.isEmpty() ? shortName : shortName + " " + params;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
