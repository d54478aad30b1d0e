package io.cairn.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's native memory by category, from {@code jcmd PID VM.native_memory summary scale=b}
 * (Native Memory Tracking, enabled by {@code -XX:NativeMemoryTracking=summary} among the scenario's
 * {@code server-java-opts}). RSS alone cannot tell a connection's native cost from the heap pages
 * the collector touched; the difference of two summaries names where it went.
 */
final class NativeMemory {
  /** The {@code jcmd} arguments that print the summary this class reads, in bytes. */
  static final List<String> JCMD = List.of("VM.native_memory", "summary", "scale=b");

  private static final String FLAG = "-XX:NativeMemoryTracking=";
  private static final Pattern TOTAL =
      Pattern.compile("^Total: reserved=(\\d+), committed=(\\d+)", Pattern.MULTILINE);
  private static final Pattern CATEGORY =
      Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+), committed=(\\d+)\\)", Pattern.MULTILINE);

  private NativeMemory() {}

  /** Whether these server flags turn Native Memory Tracking on. */
  static boolean tracked(List<String> serverJavaOpts) {
    return serverJavaOpts.stream().anyMatch(f -> f.startsWith(FLAG) && !f.equals(FLAG + "off"));
  }

  /** Committed bytes by category, {@code Total} first; empty when the text is not a summary. */
  static Map<String, Long> committed(String summary) {
    Map<String, Long> m = new LinkedHashMap<>();
    Matcher total = TOTAL.matcher(summary);
    if (!total.find()) {
      return m;
    }
    m.put("Total", Long.parseLong(total.group(2)));
    Matcher c = CATEGORY.matcher(summary);
    while (c.find()) {
      m.put(c.group(1).trim(), Long.parseLong(c.group(3)));
    }
    return m;
  }

  /**
   * Committed bytes per connection, by category, between two summaries: {@code (after - before) /
   * connections}, largest first, categories that moved by less than 1 B per connection left out.
   */
  static Map<String, Object> perConnection(
      Map<String, Long> before, Map<String, Long> after, long connections) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (connections <= 0) {
      return m;
    }
    after.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(),
                    (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) connections))
        .filter(e -> Math.abs(e.getValue()) >= 1)
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .forEach(e -> m.put(e.getKey(), Math.round(e.getValue())));
    return m;
  }
}
