package io.cairn.engine.geo;

import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.IntList;
import io.cairn.veltrix.Limits;
import io.cairn.veltrix.Scoring;
import io.cairn.veltrix.Treasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hunt snapshots holding only treasures, built with the snapshot's public constructor. */
final class TestHunts {
  private TestHunts() {}

  static HuntSnapshot withTreasures(double scanRadiusM, double[] lats, double[] lons) {
    List<Treasure> treasures = new ArrayList<>(lats.length);
    for (int i = 0; i < lats.length; i++) {
      treasures.add(
          new Treasure(i, "t" + i, "Treasure " + i, lats[i], lons[i], 25, 10, "", IntList.empty()));
    }
    return new HuntSnapshot(
        "test-hunt",
        "Test hunt",
        "",
        HuntSnapshot.NO_TIME,
        HuntSnapshot.NO_TIME,
        scanRadiusM,
        1000,
        4,
        Scoring.DEFAULT,
        Limits.DEFAULT,
        List.of(),
        treasures,
        "test",
        "");
  }

  /** Uniform points in a lat/lon box; {@code lonWest > lonEast} wraps across the antimeridian. */
  static HuntSnapshot inBox(
      Random random,
      int count,
      double scanRadiusM,
      double latSouth,
      double latNorth,
      double lonWest,
      double lonEast) {
    double[] lats = new double[count];
    double[] lons = new double[count];
    double lonWidth = lonEast >= lonWest ? lonEast - lonWest : lonEast - lonWest + 360;
    for (int i = 0; i < count; i++) {
      lats[i] = latSouth + random.nextDouble() * (latNorth - latSouth);
      double lon = lonWest + random.nextDouble() * lonWidth;
      lons[i] = lon > 180 ? lon - 360 : lon;
    }
    return withTreasures(scanRadiusM, lats, lons);
  }

  /** Points spread evenly over the whole sphere. */
  static HuntSnapshot onSphere(Random random, int count, double scanRadiusM) {
    double[] lats = new double[count];
    double[] lons = new double[count];
    for (int i = 0; i < count; i++) {
      lats[i] = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
      lons[i] = -180 + 360 * random.nextDouble();
    }
    return withTreasures(scanRadiusM, lats, lons);
  }
}
