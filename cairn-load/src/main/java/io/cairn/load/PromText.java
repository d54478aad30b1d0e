package io.cairn.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus text exposition, reduced to what the bench reads: sums of a metric
 * over its labels, and a histogram's cumulative buckets summed over its labels.
 */
final class PromText {
  /** One entry per series: its metric name, its labels as written, its value. */
  private final List<String> names = new ArrayList<>();

  private final List<String> labels = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();

  PromText(String text) {
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      int nameEnd = brace >= 0 && brace < space ? brace : line.indexOf(' ');
      String name = line.substring(0, nameEnd);
      String label =
          brace >= 0 && brace < space ? line.substring(brace, line.indexOf('}') + 1) : "";
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      names.add(name);
      labels.add(label);
      values.add(value);
    }
  }

  /** Sum of every series of {@code name} whose labels contain {@code labelPart}; NaN if none. */
  double sum(String name, String labelPart) {
    double sum = 0;
    boolean found = false;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name) && labels.get(i).contains(labelPart)) {
        double v = values.get(i);
        if (!Double.isNaN(v)) {
          sum += v;
          found = true;
        }
      }
    }
    return found ? sum : Double.NaN;
  }

  double sum(String name) {
    return sum(name, "");
  }

  /** Largest value of any series of {@code name}; NaN if none. */
  double max(String name) {
    double max = Double.NaN;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name) && !(values.get(i) <= max)) {
        max = values.get(i);
      }
    }
    return max;
  }

  /** Upper bound (seconds) to cumulative count of {@code name_bucket}, summed over labels. */
  TreeMap<Double, Double> buckets(String name) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    String bucket = name + "_bucket";
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equals(bucket)) {
        continue;
      }
      String l = labels.get(i);
      int le = l.indexOf("le=\"");
      if (le < 0) {
        continue;
      }
      String bound = l.substring(le + 4, l.indexOf('"', le + 4));
      double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
      buckets.merge(upper, values.get(i), Double::sum);
    }
    return buckets;
  }

  /**
   * The {@code q} quantile (0..1) of the observations between two scrapes of a histogram, as the
   * upper bound of the bucket it falls in; NaN when there were none.
   */
  static double quantile(Map<Double, Double> before, TreeMap<Double, Double> after, double q) {
    double total = after.lastEntry() == null ? 0 : count(after, before, after.lastKey());
    if (!(total > 0)) {
      return Double.NaN;
    }
    double rank = q * total;
    for (double upper : after.keySet()) {
      if (count(after, before, upper) >= rank) {
        return upper;
      }
    }
    return after.lastKey();
  }

  /** Observations between the scrapes of a histogram. */
  static double observations(Map<Double, Double> before, TreeMap<Double, Double> after) {
    return after.isEmpty() ? 0 : count(after, before, after.lastKey());
  }

  private static double count(Map<Double, Double> after, Map<Double, Double> before, double upper) {
    return after.getOrDefault(upper, 0.0) - before.getOrDefault(upper, 0.0);
  }
}
