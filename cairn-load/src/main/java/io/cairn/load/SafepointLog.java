package io.cairn.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The pauses of a started server, read from its safepoint log ({@code -Xlog:safepoint} with the
 * {@code tm} decoration). Exact to the nanosecond and including the time to reach the safepoint,
 * unlike the JVM's GC notifications, which round pauses to whole milliseconds. ZGC's pauses are its
 * safepoint operations whose names start with {@code Z} ({@code ZMarkStart}, {@code ZMarkEnd},
 * {@code ZRelocateStart}). Each is also split: on a starved machine most of its total is the time
 * the application threads take to reach and leave the safepoint, while the collector's own work is
 * the time at the safepoint.
 */
final class SafepointLog {
  /** The JVM flag that writes the log this class reads. */
  static String flag(Path file) {
    return "-Xlog:safepoint=info:file=" + file + ":tm";
  }

  private static final Pattern LINE =
      Pattern.compile(
          "^\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\".*At safepoint: (\\d+) ns.* Total: (\\d+) ns");

  private SafepointLog() {}

  /**
   * GC pauses (whole, and their time at the safepoint) and all safepoints between two epoch times,
   * in milliseconds.
   */
  static Map<String, Object> pauses(Path file, long fromEpochMs, long toEpochMs) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      m.put("unreadable", file + ": " + e.getMessage());
      return m;
    }
    Histogram gc = Histograms.newNanos();
    Histogram gcAtSafepoint = Histograms.newNanos();
    Histogram all = Histograms.newNanos();
    for (String line : lines) {
      Matcher x = LINE.matcher(line);
      if (!x.find()) {
        continue;
      }
      long at = Long.parseLong(x.group(1));
      if (at < fromEpochMs || at >= toEpochMs) {
        continue;
      }
      long totalNs = Long.parseLong(x.group(4));
      all.recordValue(totalNs);
      if (x.group(2).startsWith("Z")) {
        gc.recordValue(totalNs);
        gcAtSafepoint.recordValue(Long.parseLong(x.group(3)));
      }
    }
    m.put("gcPausesMs", Report.stats(gc));
    m.put("gcAtSafepointMs", Report.stats(gcAtSafepoint));
    m.put("allSafepointsMs", Report.stats(all));
    m.put("log", file.toString());
    return m;
  }
}
