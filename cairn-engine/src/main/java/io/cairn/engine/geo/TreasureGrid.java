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
 */
public final class TreasureGrid {
  /** Up to this many treasures a linear scan wins; see {@code TreasureGridBenchmark}. */
  public static final int LINEAR_MAX_TREASURES = 64;

  /** Smallest cell side, about 1.1 m; keeps the column count inside an int. */
  private static final double MIN_CELL_DEG = 1e-5;

  /**
   * Angular slack (about 0.6 m, plus a relative part) added to every filter before the exact test:
   * far above the rounding error of the vectors, the cap bounds and the haversine.
   */
  private static final double MARGIN_RAD = 1e-7;

  private static final double MARGIN_RELATIVE = 1e-9;

  private final int treasureCount;
  private final double[] lat;
  private final double[] lon;
  private final double[] x;
  private final double[] y;
  private final double[] z;

  private final boolean linear;
  private final double cellDeg;
  private final int rows;
  private final int cols;
  private final int bucketShift;
  private final int[] bucketStarts;
  private final long[] entryCells;
  private final int[] entryTreasures;
  private final double[] entryX;
  private final double[] entryY;
  private final double[] entryZ;

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
    this.x = new double[n];
    this.y = new double[n];
    this.z = new double[n];
    for (int i = 0; i < n; i++) {
      Treasure t = snapshot.treasure(i);
      lat[i] = t.lat();
      lon[i] = t.lon();
      double latRad = Math.toRadians(t.lat());
      double lonRad = Math.toRadians(t.lon());
      x[i] = Math.cos(latRad) * Math.cos(lonRad);
      y[i] = Math.cos(latRad) * Math.sin(lonRad);
      z[i] = Math.sin(latRad);
    }
    this.linear = n <= linearMaxTreasures;
    double radiusDeg = Math.toDegrees(snapshot.scanRadiusM() / GeoMath.EARTH_RADIUS_M);
    double wantedDeg = Math.min(180.0, Math.max(MIN_CELL_DEG, radiusDeg));
    this.cols = (int) Math.ceil(360.0 / wantedDeg);
    this.cellDeg = 360.0 / cols;
    this.rows = (int) Math.ceil(180.0 / cellDeg);
    int buckets = Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1;
    this.bucketShift = 64 - Integer.numberOfTrailingZeros(buckets);
    this.bucketStarts = new int[buckets + 1];
    this.entryCells = new long[n];
    this.entryTreasures = new int[n];
    this.entryX = new double[n];
    this.entryY = new double[n];
    this.entryZ = new double[n];
    long[] cellOfTreasure = new long[n];
    int[] bucketOfTreasure = new int[n];
    for (int i = 0; i < n; i++) {
      long cell = cellKey(row(lat[i]), Math.floorMod(column(lon[i]), cols));
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
      entryX[e] = x[i];
      entryY[e] = y[i];
      entryZ[e] = z[i];
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
    double reachRad = radiusM / GeoMath.EARTH_RADIUS_M * (1.0 + MARGIN_RELATIVE) + MARGIN_RAD;
    double latRad = Math.toRadians(lat);
    double lonRad = Math.toRadians(lon);
    double qx = Math.cos(latRad) * Math.cos(lonRad);
    double qy = Math.cos(latRad) * Math.sin(lonRad);
    double qz = Math.sin(latRad);
    double maxChordSquared =
        reachRad >= Math.PI ? 5.0 : square(2.0 * Math.sin(reachRad * 0.5)) * (1.0 + 1e-12);
    if (linear || reachRad >= Math.PI / 2) {
      scanAll(lat, lon, radiusM, qx, qy, qz, maxChordSquared, result);
      result.finish();
      return result.count();
    }
    double reachDeg = Math.toDegrees(reachRad);
    double south = lat - reachDeg;
    double north = lat + reachDeg;
    long colFrom;
    long colTo;
    double sinLonSpan = Math.sin(reachRad) / Math.cos(latRad);
    if (south <= -90.0 || north >= 90.0 || sinLonSpan >= 1.0) {
      colFrom = 0;
      colTo = cols - 1;
    } else {
      double lonSpanDeg = Math.toDegrees(Math.asin(sinLonSpan));
      colFrom = column(lon - lonSpanDeg);
      colTo = column(lon + lonSpanDeg);
      if (colTo - colFrom + 1 >= cols) {
        colFrom = 0;
        colTo = cols - 1;
      }
    }
    int rowFrom = row(Math.max(-90.0, south));
    int rowTo = row(Math.min(90.0, north));
    long cells = (rowTo - rowFrom + 1L) * (colTo - colFrom + 1L);
    if (cells > treasureCount) {
      scanAll(lat, lon, radiusM, qx, qy, qz, maxChordSquared, result);
      result.finish();
      return result.count();
    }
    for (int row = rowFrom; row <= rowTo; row++) {
      for (long c = colFrom; c <= colTo; c++) {
        long cell = cellKey(row, (int) Math.floorMod(c, (long) cols));
        int b = bucket(cell);
        int end = bucketStarts[b + 1];
        for (int e = bucketStarts[b]; e < end; e++) {
          if (entryCells[e] == cell) {
            double dx = entryX[e] - qx;
            double dy = entryY[e] - qy;
            double dz = entryZ[e] - qz;
            if (dx * dx + dy * dy + dz * dz <= maxChordSquared) {
              offerIfWithin(entryTreasures[e], lat, lon, radiusM, result);
            }
          }
        }
      }
    }
    result.finish();
    return result.count();
  }

  private void scanAll(
      double lat,
      double lon,
      double radiusM,
      double qx,
      double qy,
      double qz,
      double maxChordSquared,
      ScanResult result) {
    for (int i = 0; i < treasureCount; i++) {
      double dx = x[i] - qx;
      double dy = y[i] - qy;
      double dz = z[i] - qz;
      if (dx * dx + dy * dy + dz * dz <= maxChordSquared) {
        offerIfWithin(i, lat, lon, radiusM, result);
      }
    }
  }

  private void offerIfWithin(int i, double lat, double lon, double radiusM, ScanResult result) {
    double distanceM = GeoMath.distanceM(lat, lon, this.lat[i], this.lon[i]);
    if (distanceM <= radiusM) {
      result.offer(i, distanceM);
    }
  }

  private int row(double latDeg) {
    int row = (int) Math.floor((latDeg + 90.0) / cellDeg);
    return Math.max(0, Math.min(rows - 1, row));
  }

  /** The unwrapped column; callers wrap it with floorMod. */
  private long column(double lonDeg) {
    return (long) Math.floor((lonDeg + 180.0) / cellDeg);
  }

  private long cellKey(int row, int col) {
    return (long) row * cols + col;
  }

  private int bucket(long cell) {
    return (int) ((cell * 0x9E37_79B9_7F4A_7C15L) >>> bucketShift);
  }

  private static double square(double v) {
    return v * v;
  }
}
