package io.cairn.bench.board;

import io.cairn.engine.board.Leaderboard;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The leaderboard under a hunt's load: a million teams whose scores grow by the points of a solve
 * or a claim. Targets: at least 1,000,000 updates/s, a rank under 1 us, and no allocation ({@code
 * -prof gc}).
 *
 * <pre>
 * java -jar cairn-bench/target/benchmarks.jar LeaderboardBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LeaderboardBenchmark {
  private static final int[] POINTS = {10, 10, 20, 25, 50, 100};
  private static final int PICKS = 1 << 20;

  @Param({"1000000"})
  public int teams;

  /**
   * How many different scores the teams start with, ten points apart: 200 is a hunt (sums of puzzle
   * points, heavily tied, so rank searches share paths and stay in cache); 1,000,000 makes every
   * search a walk through cold memory.
   */
  @Param({"200", "1000000"})
  public int startingScores;

  private Leaderboard board;
  private int[] pickedTeams;
  private int[] pickedPoints;
  private int next;
  private long seq;
  private final int[] topTeams = new int[10];
  private final long[] topScores = new long[10];
  private final int[] topRanks = new int[10];

  @Setup(Level.Trial)
  public void fill() {
    SplittableRandom random = new SplittableRandom(2026);
    board = new Leaderboard(teams, 7);
    for (int team = 0; team < teams; team++) {
      board.update(team, 10L * random.nextInt(startingScores), ++seq);
    }
    pickedTeams = new int[PICKS];
    pickedPoints = new int[PICKS];
    for (int i = 0; i < PICKS; i++) {
      pickedTeams[i] = random.nextInt(teams);
      pickedPoints[i] = POINTS[random.nextInt(POINTS.length)];
    }
  }

  /** One solve or claim: the team's score grows and it moves up past the teams it overtook. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void update() {
    int i = next++ & (PICKS - 1);
    int team = pickedTeams[i];
    board.update(team, board.score(team) + pickedPoints[i], ++seq);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int rank() {
    return board.rank(pickedTeams[next++ & (PICKS - 1)]);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void top10(Blackhole blackhole) {
    blackhole.consume(board.top(10, topTeams, topScores, topRanks));
    blackhole.consume(topTeams);
  }
}
