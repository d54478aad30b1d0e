package io.cairn.engine.geo;

import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Treasure;

/**
 * A hunt's treasures indexed for "what is within r metres of me", answered without allocation.
 *
 * <p>Small hunts are scanned linearly: comparing a few dozen unit vectors is faster than any index.
 * Larger hunts put treasures in a uniform grid of cells {@code cellDeg} degrees on a side, about
 * the hunt's scan radius, so a scan looks at a few cells around the player. Cells are addressed as
 * (row, column) over the whole globe, columns wrapping at the antimeridian, and only occupied cells
 * are stored, in a hash table laid out as one sorted array (bucket starts plus entries), so a hunt
 * spread over the globe costs no more memory than one spread over a park.
 *
 * <p>A query turns the radius into the exact latitude band and longitude span of the spherical cap
 * (all columns when the cap holds a pole or spans the globe), widened by a small margin, then
 * filters candidates by chord length between unit vectors, and finally keeps those whose {@link
 * GeoMath#distanceM} is at most the radius. The last test is the only one that decides, so the
 * answer is exactly what a brute-force loop over {@code GeoMath.distanceM} gives. When a query
 * would visit more cells than there are treasures, it scans linearly instead.
 *
 * <p>Immutable once built: any thread may query it, each with its own {@link ScanResult}.
 */
public final class TreasureGrid {
  /**
   * Up to this many treasures a linear scan wins: about 2.5 ns a treasure against about 170 ns for
   * a grid scan of nine cells (TreasureGridBenchmark, equal around 32).
   */
  public static final int LINEAR_MAX_TREASURES = 32;

  /** Smallest cell side, about 1.1 m; keeps the column count inside an int. */
  private static final double MIN_CELL_DEG = 1e-5;

  /** Cells are never made wider than at 84 degrees of latitude, ten times their height. */
  private static final double MIN_COS_LAT = 0.1;

  /**
   * Angular slack (about 0.6 m, plus a relative part) added to every filter before the exact test:
   * far above the rounding error of the vectors, the cap bounds and the haversine.
   */
  private static final double MARGIN_RAD = 1e-7;

  private static final double MARGIN_RELATIVE = 1e-9;

  private final int treasureCount;
  private final double[] lat;
  private final double[] lon;
  private final double[] cosLat;
  private final double[] xyz;

  private final boolean linear;
  private final double cellLatDeg;
  private final double cellLonDeg;
  private final int rows;
  private final int cols;
  private final int bucketShift;
  private final int[] bucketStarts;
  private final long[] entryCells;
  private final int[] entryTreasures;
  private final double[] entryXyz;

  private final double scanRadiusM;
  private final double scanReachRad;
  private final double scanSinReach;
  private final double scanMaxChordSquared;

  public TreasureGrid(HuntSnapshot snapshot) {
    this(snapshot, LINEAR_MAX_TREASURES);
  }

  /**
   * @param linearMaxTreasures hunts with at most this many treasures are scanned linearly; the
   *     benchmark and the tests force either strategy with it
   */
  public TreasureGrid(HuntSnapshot snapshot, int linearMaxTreasures) {
    int n = snapshot.treasureCount();
    this.treasureCount = n;
    this.lat = new double[n];
    this.lon = new double[n];
    this.cosLat = new double[n];
    this.xyz = new double[3 * n];
    double sumAbsLat = 0;
    for (int i = 0; i < n; i++) {
      Treasure t = snapshot.treasure(i);
      lat[i] = t.lat();
      lon[i] = t.lon();
      double latRad = Math.toRadians(t.lat());
      double lonRad = Math.toRadians(t.lon());
      cosLat[i] = Math.cos(latRad);
      xyz[3 * i] = cosLat[i] * Math.cos(lonRad);
      xyz[3 * i + 1] = cosLat[i] * Math.sin(lonRad);
      xyz[3 * i + 2] = Math.sin(latRad);
      sumAbsLat += Math.abs(t.lat());
    }
    this.linear = n <= linearMaxTreasures;
    double radiusDeg = Math.toDegrees(snapshot.scanRadiusM() / GeoMath.EARTH_RADIUS_M);
    this.cellLatDeg = radiusDeg >= MIN_CELL_DEG ? Math.min(180.0, radiusDeg) : MIN_CELL_DEG;
    double meanCosLat = n == 0 ? 1.0 : Math.cos(Math.toRadians(sumAbsLat / n));
    double wantedLonDeg =
        Math.min(360.0, cellLatDeg / (meanCosLat >= MIN_COS_LAT ? meanCosLat : MIN_COS_LAT));
    this.cols = (int) Math.ceil(360.0 / wantedLonDeg);
    this.cellLonDeg = 360.0 / cols;
    this.rows = (int) Math.ceil(180.0 / cellLatDeg);
    this.scanRadiusM = snapshot.scanRadiusM();
    this.scanReachRad = reachRad(scanRadiusM);
    this.scanSinReach = sinReach(scanReachRad);
    this.scanMaxChordSquared = maxChordSquared(scanReachRad);
    int buckets = Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1;
    this.bucketShift = 64 - Integer.numberOfTrailingZeros(buckets);
    this.bucketStarts = new int[buckets + 1];
    this.entryCells = new long[n];
    this.entryTreasures = new int[n];
    this.entryXyz = new double[3 * n];
    long[] cellOfTreasure = new long[n];
    int[] bucketOfTreasure = new int[n];
    for (int i = 0; i < n; i++) {
      long cell = (long) row(lat[i]) * cols + Math.floorMod(column(lon[i]), (long) cols);
      cellOfTreasure[i] = cell;
      bucketOfTreasure[i] = bucket(cell);
      bucketStarts[bucketOfTreasure[i] + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      bucketStarts[b + 1] += bucketStarts[b];
    }
    int[] fill = new int[buckets];
    for (int i = 0; i < n; i++) {
      int b = bucketOfTreasure[i];
      int e = bucketStarts[b] + fill[b]++;
      entryCells[e] = cellOfTreasure[i];
      entryTreasures[e] = i;
      System.arraycopy(xyz, 3 * i, entryXyz, 3 * e, 3);
    }
  }

  public int treasureCount() {
    return treasureCount;
  }

  /**
   * Treasures within {@code radiusM} of the point, nearest first (ties by index), into {@code
   * result}; returns the count. A non-finite point or a negative radius finds nothing.
   * Allocation-free.
   */
  public int query(double lat, double lon, double radiusM, ScanResult result) {
    result.clear();
    if (!(radiusM >= 0) || !(lat >= -90.0 && lat <= 90.0) || !Double.isFinite(lon)) {
      return 0;
    }
    boolean scanRadius = radiusM == scanRadiusM;
    double reachRad = scanRadius ? scanReachRad : reachRad(radiusM);
    double sinReach = scanRadius ? scanSinReach : sinReach(reachRad);
    double maxChordSquared = scanRadius ? scanMaxChordSquared : maxChordSquared(reachRad);
    double latRad = Math.toRadians(lat);
    double lonRad = Math.toRadians(lon);
    double cosQueryLat = Math.cos(latRad);
    double cosQueryLon = Math.cos(lonRad);
    double sinQueryLon = Math.sin(lonRad);
    double qx = cosQueryLat * cosQueryLon;
    double qy = cosQueryLat * sinQueryLon;
    double qz = Math.sin(latRad);
    if (linear || reachRad >= Math.PI / 2) {
      scanAll(lat, lon, cosQueryLat, qx, qy, qz, radiusM, maxChordSquared, result);
      result.finish();
      return result.count();
    }
    double reachDeg = Math.toDegrees(reachRad);
    double south = lat - reachDeg;
    double north = lat + reachDeg;
    long colFrom = 0;
    long colTo = cols - 1;
    if (south > -90.0 && north < 90.0) {
      double sinLonSpan = sinReach / cosQueryLat;
      if (sinLonSpan < 1.0) {
        // asin(x) <= x / sqrt(1 - x^2), because an angle never exceeds its tangent
        double lonSpanDeg = Math.toDegrees(sinLonSpan / Math.sqrt(1.0 - sinLonSpan * sinLonSpan));
        long from = column(lon - lonSpanDeg);
        long to = column(lon + lonSpanDeg);
        if (to - from + 1 < cols) {
          colFrom = from;
          colTo = to;
        }
      }
    }
    int rowFrom = row(Math.max(-90.0, south));
    int rowTo = row(Math.min(90.0, north));
    long columns = colTo - colFrom + 1;
    if ((rowTo - rowFrom + 1L) * columns > treasureCount) {
      scanAll(lat, lon, cosQueryLat, qx, qy, qz, radiusM, maxChordSquared, result);
      result.finish();
      return result.count();
    }
    int firstCol = (int) Math.floorMod(colFrom, (long) cols);
    for (int row = rowFrom; row <= rowTo; row++) {
      long rowBase = (long) row * cols;
      int col = firstCol;
      for (long c = 0; c < columns; c++) {
        long cell = rowBase + col;
        int b = bucket(cell);
        int end = bucketStarts[b + 1];
        for (int e = bucketStarts[b]; e < end; e++) {
          if (entryCells[e] == cell) {
            double dx = entryXyz[3 * e] - qx;
            double dy = entryXyz[3 * e + 1] - qy;
            double dz = entryXyz[3 * e + 2] - qz;
            if (dx * dx + dy * dy + dz * dz <= maxChordSquared) {
              offerIfWithin(entryTreasures[e], lat, lon, cosQueryLat, radiusM, result);
            }
          }
        }
        col = col + 1 == cols ? 0 : col + 1;
      }
    }
    result.finish();
    return result.count();
  }

  /** The angle the filters let through for a radius: the radius plus the margin. */
  private static double reachRad(double radiusM) {
    return radiusM / GeoMath.EARTH_RADIUS_M * (1.0 + MARGIN_RELATIVE) + MARGIN_RAD;
  }

  private static double sinReach(double reachRad) {
    return Math.sin(Math.min(reachRad, Math.PI / 2));
  }

  /** The squared chord between unit vectors {@code reachRad} apart, or more than any chord. */
  private static double maxChordSquared(double reachRad) {
    if (reachRad >= Math.PI) {
      return 5.0;
    }
    double halfChord = Math.sin(reachRad * 0.5);
    return 4.0 * halfChord * halfChord * (1.0 + 1e-12);
  }

  private void scanAll(
      double lat,
      double lon,
      double cosQueryLat,
      double qx,
      double qy,
      double qz,
      double radiusM,
      double maxChordSquared,
      ScanResult result) {
    for (int i = 0; i < treasureCount; i++) {
      double dx = xyz[3 * i] - qx;
      double dy = xyz[3 * i + 1] - qy;
      double dz = xyz[3 * i + 2] - qz;
      if (dx * dx + dy * dy + dz * dz <= maxChordSquared) {
        offerIfWithin(i, lat, lon, cosQueryLat, radiusM, result);
      }
    }
  }

  private void offerIfWithin(
      int i, double lat, double lon, double cosQueryLat, double radiusM, ScanResult result) {
    double distanceM =
        GeoMath.distanceM(lat, lon, cosQueryLat, this.lat[i], this.lon[i], cosLat[i]);
    if (distanceM <= radiusM) {
      result.offer(i, distanceM);
    }
  }

  private int row(double latDeg) {
    int row = (int) Math.floor((latDeg + 90.0) / cellLatDeg);
    return Math.max(0, Math.min(rows - 1, row));
  }

  /** The unwrapped column; callers wrap it with floorMod. */
  private long column(double lonDeg) {
    return (long) Math.floor((lonDeg + 180.0) / cellLonDeg);
  }

  private int bucket(long cell) {
    return (int) ((cell * 0x9E37_79B9_7F4A_7C15L) >>> bucketShift);
  }
}
