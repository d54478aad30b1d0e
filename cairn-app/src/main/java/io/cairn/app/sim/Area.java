package io.cairn.app.sim;

import io.cairn.engine.geo.GeoMath;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Treasure;
import java.util.random.RandomGenerator;

/**
 * Where a hunt is played: the middle of its treasures and a radius that covers them with some room,
 * so that bots start and wander where the treasures are, as players who read the hunt's description
 * would. Flat-earth steps are fine at these distances.
 */
record Area(double centreLat, double centreLon, double radiusM) {
  /** Metres per degree of latitude on the engine's spherical Earth. */
  static final double M_PER_DEG_LAT = GeoMath.EARTH_RADIUS_M * Math.PI / 180.0;

  static final double MIN_RADIUS_M = 150;

  static Area of(HuntSnapshot hunt) {
    if (hunt.treasureCount() == 0) {
      return new Area(0, 0, MIN_RADIUS_M);
    }
    double lat = 0;
    double lon = 0;
    for (Treasure t : hunt.treasures()) {
      lat += t.lat();
      lon += t.lon();
    }
    lat /= hunt.treasureCount();
    lon /= hunt.treasureCount();
    double farthestM = 0;
    for (Treasure t : hunt.treasures()) {
      farthestM = Math.max(farthestM, GeoMath.distanceM(lat, lon, t.lat(), t.lon()));
    }
    double radiusM = Math.max(MIN_RADIUS_M, farthestM + hunt.scanRadiusM() / 2);
    return new Area(lat, lon, radiusM);
  }

  /** A random point at between {@code minFraction} and 1 of the radius from the centre. */
  double[] randomPoint(RandomGenerator random, double minFraction) {
    double distanceM = radiusM * (minFraction + (1 - minFraction) * random.nextDouble());
    return offset(centreLat, centreLon, distanceM, random.nextDouble() * 2 * Math.PI);
  }

  /** The point {@code distanceM} from the given one in direction {@code bearingRad}. */
  static double[] offset(double lat, double lon, double distanceM, double bearingRad) {
    double dLat = distanceM * Math.cos(bearingRad) / M_PER_DEG_LAT;
    double cosLat = Math.max(0.01, Math.cos(Math.toRadians(lat)));
    double dLon = distanceM * Math.sin(bearingRad) / (M_PER_DEG_LAT * cosLat);
    return new double[] {lat + dLat, lon + dLon};
  }
}
