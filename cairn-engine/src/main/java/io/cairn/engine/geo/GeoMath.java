package io.cairn.engine.geo;

/** Great-circle geometry on a spherical Earth, good to about 0.5% against the ellipsoid. */
public final class GeoMath {
  /** The IUGG mean Earth radius. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private GeoMath() {}

  /**
   * Haversine distance in metres between two points given in degrees. It stays accurate for the
   * short distances a hunt cares about, where the spherical law of cosines loses digits, and it
   * needs no special case across the antimeridian.
   */
  public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
    return distanceM(
        lat1, lon1, Math.cos(Math.toRadians(lat1)), lat2, lon2, Math.cos(Math.toRadians(lat2)));
  }

  /**
   * The same haversine with the cosines of both latitudes given, so that an index can compute them
   * once; for the same inputs it returns exactly what the public method returns.
   */
  static double distanceM(
      double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2) {
    double sinHalfDeltaLat = Math.sin(Math.toRadians(lat2 - lat1) * 0.5);
    double sinHalfDeltaLon = Math.sin(Math.toRadians(lon2 - lon1) * 0.5);
    double h =
        sinHalfDeltaLat * sinHalfDeltaLat + cosLat1 * cosLat2 * sinHalfDeltaLon * sinHalfDeltaLon;
    return 2.0 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
