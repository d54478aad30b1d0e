package io.cairn.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.veltrix.HuntSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreasureGridTest {
  private static final double[] RADII_M = {0, 1, 25, 150, 600, 5_000, 80_000, 2_000_000};

  @Test
  void findsTreasuresWithinTheRadiusNearestFirst() {
    HuntSnapshot hunt =
        TestHunts.withTreasures(
            150,
            new double[] {59.3251, 59.3260, 59.3300, 59.3252},
            new double[] {18.0711, 18.0711, 18.0711, 18.0711});
    TreasureGrid grid = new TreasureGrid(hunt);
    ScanResult result = new ScanResult(hunt.treasureCount());

    int count = grid.query(59.3251, 18.0711, 150, result);

    assertThat(count).isEqualTo(3);
    assertThat(result.count()).isEqualTo(3);
    assertThat(result.treasure(0)).isEqualTo(0);
    assertThat(result.treasure(1)).isEqualTo(3);
    assertThat(result.treasure(2)).isEqualTo(1);
    assertThat(result.distanceM(0)).isZero();
    assertThat(result.distanceM(2))
        .isEqualTo(GeoMath.distanceM(59.3251, 18.0711, 59.3260, 18.0711));
  }

  @Test
  void treasuresAtTheSameDistanceAreOrderedByIndex() {
    HuntSnapshot hunt =
        TestHunts.withTreasures(
            100, new double[] {10.001, 10.0, 10.001, 10.001}, new double[] {20, 20, 20, 20});
    for (int linearMax : new int[] {0, Integer.MAX_VALUE}) {
      TreasureGrid grid = new TreasureGrid(hunt, linearMax);
      ScanResult result = new ScanResult(4);

      grid.query(10.001, 20, 500, result);

      assertThat(result.count()).isEqualTo(4);
      assertThat(new int[] {result.treasure(0), result.treasure(1), result.treasure(2)})
          .containsExactly(0, 2, 3);
      assertThat(result.treasure(3)).isEqualTo(1);
    }
  }

  @Test
  void aTreasureExactlyOnTheRadiusIsIncluded() {
    HuntSnapshot hunt = TestHunts.withTreasures(50, new double[] {0.0, 0.001}, new double[] {0, 0});
    double edgeM = GeoMath.distanceM(0, 0, 0.001, 0);
    ScanResult result = new ScanResult(2);

    assertThat(new TreasureGrid(hunt, 0).query(0, 0, edgeM, result)).isEqualTo(2);
    assertThat(new TreasureGrid(hunt, 0).query(0, 0, Math.nextDown(edgeM), result)).isEqualTo(1);
  }

  @Test
  void fullResultKeepsTheNearest() {
    HuntSnapshot hunt =
        TestHunts.withTreasures(
            1000, new double[] {0.004, 0.001, 0.003, 0.002}, new double[] {0, 0, 0, 0});
    ScanResult result = new ScanResult(2);

    assertThat(new TreasureGrid(hunt).query(0, 0, 1000, result)).isEqualTo(2);
    assertThat(result.treasure(0)).isEqualTo(1);
    assertThat(result.treasure(1)).isEqualTo(3);
    assertThat(new TreasureGrid(hunt).query(0, 0, 1000, new ScanResult(0))).isZero();
  }

  @Test
  void badQueriesFindNothing() {
    HuntSnapshot hunt = TestHunts.withTreasures(100, new double[] {0}, new double[] {0});
    TreasureGrid grid = new TreasureGrid(hunt);
    ScanResult result = new ScanResult(1);

    assertThat(grid.query(0, 0, -1, result)).isZero();
    assertThat(grid.query(Double.NaN, 0, 100, result)).isZero();
    assertThat(grid.query(0, Double.POSITIVE_INFINITY, 100, result)).isZero();
    assertThat(grid.query(91, 0, 100, result)).isZero();
    assertThat(grid.query(0, 0, Double.NaN, result)).isZero();
  }

  @Test
  void emptyHuntFindsNothing() {
    HuntSnapshot hunt = TestHunts.withTreasures(100, new double[0], new double[0]);
    assertThat(new TreasureGrid(hunt, 0).query(0, 0, 1e7, new ScanResult(0))).isZero();
  }

  @Test
  void matchesBruteForceInACity() {
    Random random = new Random(1);
    HuntSnapshot hunt = TestHunts.inBox(random, 3_000, 150, 59.30, 59.36, 18.00, 18.12);
    assertMatchesBruteForce(hunt, random, 59.29, 59.37, 17.99, 18.13);
  }

  @Test
  void matchesBruteForceAroundTheNorthPole() {
    Random random = new Random(2);
    HuntSnapshot hunt = TestHunts.inBox(random, 2_000, 500, 88.5, 90, -180, 180);
    assertMatchesBruteForce(hunt, random, 88.0, 90, -180, 180);
  }

  @Test
  void matchesBruteForceAroundTheSouthPole() {
    Random random = new Random(3);
    HuntSnapshot hunt = TestHunts.inBox(random, 2_000, 2_000, -90, -80, -180, 180);
    assertMatchesBruteForce(hunt, random, -90, -79, -180, 180);
  }

  @Test
  void matchesBruteForceAcrossTheAntimeridian() {
    Random random = new Random(4);
    HuntSnapshot hunt = TestHunts.inBox(random, 2_000, 300, -17.5, -16.5, 179.5, -179.5);
    assertMatchesBruteForce(hunt, random, -17.6, -16.4, 179.4, -179.4);
  }

  @Test
  void matchesBruteForceAcrossTheAntimeridianAtHighLatitude() {
    Random random = new Random(5);
    HuntSnapshot hunt = TestHunts.inBox(random, 2_000, 1_000, 84, 87, 178, -178);
    assertMatchesBruteForce(hunt, random, 83.8, 87.2, 177.5, -177.5);
  }

  @Test
  void matchesBruteForceOverTheWholeSphere() {
    Random random = new Random(6);
    HuntSnapshot hunt = TestHunts.onSphere(random, 5_000, 50_000);
    assertMatchesBruteForce(hunt, random, -90, 90, -180, 180);
  }

  @Test
  void matchesBruteForceForSmallHunts() {
    Random random = new Random(7);
    HuntSnapshot hunt = TestHunts.inBox(random, 30, 150, 40.70, 40.72, -74.02, -74.00);
    assertThat(hunt.treasureCount()).isLessThanOrEqualTo(TreasureGrid.LINEAR_MAX_TREASURES);
    assertMatchesBruteForce(hunt, random, 40.69, 40.73, -74.03, -73.99);
  }

  @Test
  void matchesBruteForceWhenScanRadiusIsTinyComparedToTheSpread() {
    Random random = new Random(8);
    HuntSnapshot hunt = TestHunts.onSphere(random, 3_000, 0.5);
    assertMatchesBruteForce(hunt, random, -90, 90, -180, 180);
  }

  @Test
  void matchesBruteForceWhenTheHuntHasNoScanRadius() {
    Random random = new Random(9);
    HuntSnapshot hunt = TestHunts.inBox(random, 500, 0, 51.50, 51.52, -0.14, -0.10);
    assertMatchesBruteForce(hunt, random, 51.49, 51.53, -0.15, -0.09);
  }

  /**
   * Queries near random treasures and at random points, with every radius, through the automatic
   * choice and both forced strategies.
   */
  private static void assertMatchesBruteForce(
      HuntSnapshot hunt,
      Random random,
      double latSouth,
      double latNorth,
      double lonWest,
      double lonEast) {
    TreasureGrid[] grids = {
      new TreasureGrid(hunt), new TreasureGrid(hunt, 0), new TreasureGrid(hunt, Integer.MAX_VALUE)
    };
    ScanResult result = new ScanResult(hunt.treasureCount());
    double lonWidth = lonEast >= lonWest ? lonEast - lonWest : lonEast - lonWest + 360;
    for (int q = 0; q < 200; q++) {
      double lat;
      double lon;
      if (q % 2 == 0 && hunt.treasureCount() > 0) {
        var t = hunt.treasure(random.nextInt(hunt.treasureCount()));
        lat = Math.max(-90, Math.min(90, t.lat() + random.nextGaussian() * 0.001));
        lon = t.lon() + random.nextGaussian() * 0.001;
      } else {
        lat = latSouth + random.nextDouble() * (latNorth - latSouth);
        lon = lonWest + random.nextDouble() * lonWidth;
      }
      if (q % 50 == 1) {
        lat = latNorth >= 90 ? 90 : latSouth <= -90 ? -90 : lat;
      }
      lon = lon > 180 ? lon - 360 : lon;
      double[] radii = RADII_M.clone();
      if (hunt.treasureCount() > 0) {
        var t = hunt.treasure(random.nextInt(hunt.treasureCount()));
        radii[0] = GeoMath.distanceM(lat, lon, t.lat(), t.lon());
      }
      for (double radiusM : radii) {
        double r = radiusM == radii[0] ? radiusM : radiusM * (0.5 + random.nextDouble());
        List<double[]> expected = bruteForce(hunt, lat, lon, r);
        for (TreasureGrid grid : grids) {
          int count = grid.query(lat, lon, r, result);
          assertThat(count).as("count at %s,%s r=%s", lat, lon, r).isEqualTo(expected.size());
          int[] treasures = new int[count];
          double[] distancesM = new double[count];
          int[] expectedTreasures = new int[count];
          double[] expectedDistancesM = new double[count];
          for (int i = 0; i < count; i++) {
            treasures[i] = result.treasure(i);
            distancesM[i] = result.distanceM(i);
            expectedTreasures[i] = (int) expected.get(i)[0];
            expectedDistancesM[i] = expected.get(i)[1];
          }
          assertThat(treasures).as("at %s,%s r=%s", lat, lon, r).isEqualTo(expectedTreasures);
          assertThat(distancesM).isEqualTo(expectedDistancesM);
        }
      }
    }
  }

  private static List<double[]> bruteForce(
      HuntSnapshot hunt, double lat, double lon, double radiusM) {
    List<double[]> found = new ArrayList<>();
    for (int i = 0; i < hunt.treasureCount(); i++) {
      var t = hunt.treasure(i);
      double d = GeoMath.distanceM(lat, lon, t.lat(), t.lon());
      if (d <= radiusM) {
        found.add(new double[] {i, d});
      }
    }
    found.sort((a, b) -> a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[0], b[0]));
    return found;
  }
}
