package io.cairn.bench.geo;

import io.cairn.engine.geo.GeoMath;
import io.cairn.engine.geo.ScanResult;
import io.cairn.engine.geo.TreasureGrid;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.IntList;
import io.cairn.veltrix.Limits;
import io.cairn.veltrix.Scoring;
import io.cairn.veltrix.Treasure;
import java.util.ArrayList;
import java.util.List;
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

/**
 * A player's scan: treasures within the hunt's 150 m scan radius of a random point. The hunt area
 * grows with the treasure count (about 25 treasures per km², so a scan finds one or two), as a
 * bigger hunt covers more ground. {@code strategy} compares the automatic choice with a forced
 * linear scan and a forced grid, which is how the linear threshold was chosen.
 *
 * <pre>
 * java -jar cairn-bench/target/benchmarks.jar TreasureGridBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TreasureGridBenchmark {
  private static final double SCAN_RADIUS_M = 150;
  private static final double TREASURES_PER_KM2 = 25;
  private static final double CENTRE_LAT = 59.3293;
  private static final double CENTRE_LON = 18.0686;
  private static final int QUERIES = 4096;

  @Param({"50", "1000", "100000"})
  public int treasures;

  @Param({"auto", "linear", "grid"})
  public String strategy;

  private TreasureGrid grid;
  private ScanResult result;
  private double[] queryLat;
  private double[] queryLon;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    SplittableRandom random = new SplittableRandom(2026);
    double sideM = Math.sqrt(treasures / TREASURES_PER_KM2) * 1000;
    double latSpanDeg = Math.toDegrees(sideM / GeoMath.EARTH_RADIUS_M);
    double lonSpanDeg = latSpanDeg / Math.cos(Math.toRadians(CENTRE_LAT));
    List<Treasure> list = new ArrayList<>(treasures);
    for (int i = 0; i < treasures; i++) {
      double lat = CENTRE_LAT + (random.nextDouble() - 0.5) * latSpanDeg;
      double lon = CENTRE_LON + (random.nextDouble() - 0.5) * lonSpanDeg;
      list.add(new Treasure(i, "t" + i, "Treasure " + i, lat, lon, 25, 10, "", IntList.empty()));
    }
    HuntSnapshot hunt =
        new HuntSnapshot(
            "bench",
            "Bench",
            "",
            HuntSnapshot.NO_TIME,
            HuntSnapshot.NO_TIME,
            SCAN_RADIUS_M,
            1_000_000,
            4,
            Scoring.DEFAULT,
            Limits.DEFAULT,
            List.of(),
            list,
            "bench",
            "");
    int linearMax =
        switch (strategy) {
          case "linear" -> Integer.MAX_VALUE;
          case "grid" -> -1;
          default -> TreasureGrid.LINEAR_MAX_TREASURES;
        };
    grid = new TreasureGrid(hunt, linearMax);
    result = new ScanResult(treasures);
    queryLat = new double[QUERIES];
    queryLon = new double[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      queryLat[i] = CENTRE_LAT + (random.nextDouble() - 0.5) * latSpanDeg;
      queryLon[i] = CENTRE_LON + (random.nextDouble() - 0.5) * lonSpanDeg;
    }
  }

  @Benchmark
  public int scan() {
    int i = next++ & (QUERIES - 1);
    return grid.query(queryLat[i], queryLon[i], SCAN_RADIUS_M, result);
  }
}
