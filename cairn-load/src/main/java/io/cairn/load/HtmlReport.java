package io.cairn.load;

import io.cairn.veltrix.JsonText;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Draws a finished bench run as {@code report.html} (one page with inline SVG, nothing loaded from
 * elsewhere, so it opens from disk offline) and the same charts as standalone {@code .svg} files,
 * from the files the run left: {@code summary.json}, {@code histograms.hlog} (whole-run histograms
 * per operation) and {@code latency.hlog} (one histogram a second). Runs from before {@code
 * histograms.hlog} existed are drawn from the percentiles in {@code summary.json}.
 */
public final class HtmlReport {
  /** The file of whole-run histograms, one per tag: an operation key, "all" or "claimed". */
  public static final String HISTOGRAMS_FILE = "histograms.hlog";

  public static final String REPORT_FILE = "report.html";

  private static final double[] PERCENTILES = {
    0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96.25, 97.5, 98.75, 99, 99.5, 99.75,
    99.9, 99.95, 99.99, 99.995, 99.999, 99.9995, 99.9999
  };
  private static final String[] SUMMARY_PERCENTILES = {"p50", "p90", "p99", "p99.9"};
  private static final double MIB = 1024.0 * 1024.0;

  /** One measured target of a run: the whole run, or echo or cairn of a {@code both} run. */
  record Part(String label, Path dir, Map<String, Object> summary) {}

  private HtmlReport() {}

  /**
   * Writes {@code report.html} and the charts' {@code .svg} files into {@code runDir} and returns
   * the report's path.
   *
   * @throws FileNotFoundException when {@code runDir} has no {@code summary.json}, saying so
   */
  public static Path write(Path runDir) throws IOException {
    Path summaryFile = runDir.resolve("summary.json");
    if (!Files.isRegularFile(summaryFile)) {
      throw new FileNotFoundException(
          "no summary.json in "
              + runDir
              + ": give the --out directory of a finished cairn bench run");
    }
    Map<String, Object> summary;
    try {
      summary = JsonText.readObject(Files.readString(summaryFile, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IOException(summaryFile + " is not a summary of cairn bench: " + e.getMessage(), e);
    }
    List<Part> parts = new ArrayList<>();
    if (summary.get("echo") instanceof Map<?, ?> && summary.get("cairn") instanceof Map<?, ?>) {
      parts.add(new Part("echo", runDir.resolve("echo"), map(summary.get("echo"))));
      parts.add(new Part("cairn", runDir.resolve("cairn"), map(summary.get("cairn"))));
    } else if (summary.containsKey("latencyMs")) {
      parts.add(new Part("", runDir, summary));
    }
    Map<String, String> charts = charts(parts);
    for (Map.Entry<String, String> c : charts.entrySet()) {
      Files.writeString(runDir.resolve(c.getKey() + ".svg"), c.getValue(), StandardCharsets.UTF_8);
    }
    Path report = runDir.resolve(REPORT_FILE);
    Files.writeString(report, html(summary, parts, charts), StandardCharsets.UTF_8);
    return report;
  }

  /** The charts of the run by file name (without {@code .svg}), in page order. */
  static Map<String, String> charts(List<Part> parts) throws IOException {
    Map<String, String> charts = new LinkedHashMap<>();
    if (parts.isEmpty()) {
      return charts;
    }
    List<SvgChart.Series> spectrum = new ArrayList<>();
    List<SvgChart.Series> claimed = new ArrayList<>();
    List<SvgChart.Series> throughput = new ArrayList<>();
    List<SvgChart.Series> p99 = new ArrayList<>();
    for (Part part : parts) {
      String prefix = part.label().isEmpty() ? "" : part.label() + " ";
      Map<String, Histogram> totals = readTagged(part.dir().resolve(HISTOGRAMS_FILE));
      Map<String, Object> latency = map(part.summary().get("latencyMs"));
      for (String op : latency.keySet()) {
        Histogram h = totals.get(op);
        SvgChart.Series s =
            h != null ? spectrum(prefix + op, h) : spectrum(prefix + op, map(latency.get(op)));
        if (s.x().length > 0) {
          spectrum.add(s);
        }
      }
      Histogram delivery = totals.get("claimed");
      SvgChart.Series d =
          delivery != null
              ? spectrum(prefix + "claimed", delivery)
              : spectrum(
                  prefix + "claimed",
                  map(map(part.summary().get("push")).get("claimedDeliveryMs")));
      if (d.x().length > 0) {
        claimed.add(d);
      }
      Path hlog = part.dir().resolve("latency.hlog");
      if (Files.isRegularFile(hlog)) {
        SvgChart.Series[] perSecond = perSecond(prefix, hlog);
        throughput.add(perSecond[0]);
        p99.add(perSecond[1]);
      }
    }
    charts.put(
        "latency-spectrum",
        new SvgChart(
                "Latency by percentile (measured part, from intended send time)",
                "percentile",
                "latency (ms)",
                true,
                spectrum)
            .svg());
    if (!claimed.isEmpty()) {
      charts.put(
          "claimed-delivery",
          new SvgChart(
                  "Claimed event delivery by percentile (the event's server time stamp to its arrival at each player)",
                  "percentile",
                  "delivery (ms)",
                  true,
                  claimed)
              .svg());
    }
    if (!throughput.isEmpty()) {
      charts.put(
          "throughput",
          new SvgChart(
                  "Replies per second over the run (recorded after the warmup)",
                  "time since start (s)",
                  "replies (per s)",
                  false,
                  throughput)
              .svg());
      charts.put(
          "p99-per-second",
          new SvgChart(
                  "p99 latency of each second over the run",
                  "time since start (s)",
                  "p99 latency (ms)",
                  false,
                  p99)
              .svg());
    }
    return charts;
  }

  /** The spectrum of a whole-run histogram of nanoseconds, up to its maximum, in ms. */
  static SvgChart.Series spectrum(String name, Histogram h) {
    long count = h.getTotalCount();
    if (count == 0) {
      return new SvgChart.Series(name, new double[0], new double[0]);
    }
    double lastX = Math.max(1, Math.log10(count));
    List<double[]> points = new ArrayList<>();
    for (double p : PERCENTILES) {
      double x = SvgChart.percentileX(p);
      if (x > lastX) {
        break;
      }
      points.add(new double[] {x, h.getValueAtPercentile(p) / 1e6});
    }
    points.add(new double[] {Math.max(lastX, points.getLast()[0]), h.getMaxValue() / 1e6});
    return series(name, points);
  }

  /** The spectrum from the percentiles kept in summary.json, for runs without histograms. */
  static SvgChart.Series spectrum(String name, Map<String, Object> stats) {
    List<double[]> points = new ArrayList<>();
    if (number(stats.get("count")) > 0) {
      for (String p : SUMMARY_PERCENTILES) {
        double v = number(stats.get(p));
        if (Double.isFinite(v)) {
          points.add(new double[] {SvgChart.percentileX(Double.parseDouble(p.substring(1))), v});
        }
      }
      double max = number(stats.get("max"));
      if (Double.isFinite(max) && !points.isEmpty()) {
        double x = Math.max(Math.log10(number(stats.get("count"))), points.getLast()[0]);
        points.add(new double[] {x, max});
      }
    }
    return series(name, points);
  }

  /** Replies a second and p99 of each second from the run's interval log. */
  static SvgChart.Series[] perSecond(String prefix, Path hlog) throws IOException {
    List<double[]> rate = new ArrayList<>();
    List<double[]> p99 = new ArrayList<>();
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    try {
      double startMs = Double.NaN;
      EncodableHistogram e;
      while ((e = reader.nextIntervalHistogram()) != null) {
        if (!(e instanceof Histogram h)) {
          continue;
        }
        if (Double.isNaN(startMs)) {
          startMs = h.getStartTimeStamp();
        }
        double endS = (h.getEndTimeStamp() - startMs) / 1000.0;
        double lengthS = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
        rate.add(new double[] {endS, lengthS > 0 ? h.getTotalCount() / lengthS : Double.NaN});
        p99.add(
            new double[] {
              endS, h.getTotalCount() > 0 ? h.getValueAtPercentile(99) / 1e6 : Double.NaN
            });
      }
    } finally {
      reader.close();
    }
    return new SvgChart.Series[] {
      series(prefix.isEmpty() ? "replies/s" : prefix.strip(), rate),
      series(prefix.isEmpty() ? "p99" : prefix + "p99", p99)
    };
  }

  /** The tagged histograms of a file written by {@link #writeTagged}; empty when it is absent. */
  static Map<String, Histogram> readTagged(Path file) throws IOException {
    Map<String, Histogram> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    HistogramLogReader reader = new HistogramLogReader(file.toFile());
    try {
      EncodableHistogram e;
      while ((e = reader.nextIntervalHistogram()) != null) {
        if (e instanceof Histogram h && h.getTag() != null) {
          out.put(h.getTag(), h);
        }
      }
    } finally {
      reader.close();
    }
    return out;
  }

  /** Writes whole-run histograms, each tagged with its key, in HdrHistogram's log format. */
  static void writeTagged(Path file, Map<String, Histogram> histograms) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputLogFormatVersion();
      writer.outputLegend();
      for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
        Histogram h = e.getValue().copy();
        h.setTag(e.getKey());
        writer.outputIntervalHistogram(h);
      }
    }
  }

  private static SvgChart.Series series(String name, List<double[]> points) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
    }
    return new SvgChart.Series(name, x, y);
  }

  static String html(Map<String, Object> summary, List<Part> parts, Map<String, String> charts) {
    StringBuilder sb = new StringBuilder(65_536);
    String title = "Cairn bench: " + summary.getOrDefault("target", "?");
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(SvgChart.escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:1.5em auto;max-width:1220px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
        .append("td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}\n")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("figure{margin:0 0 1.5em}svg{max-width:100%;height:auto}\n")
        .append("code{background:#f3f3f3;padding:0 0.2em}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
    sb.append("<p><code>")
        .append(SvgChart.escape(String.valueOf(summary.getOrDefault("command", ""))))
        .append("</code><br>")
        .append(SvgChart.escape(String.valueOf(summary.getOrDefault("date", ""))))
        .append("; ")
        .append(SvgChart.escape(machine(summary)))
        .append("</p>\n");
    if (summary.get("throughputRatioToEcho") instanceof Number ratio) {
      sb.append(
          String.format(
              "<p><strong>cairn / echo achieved throughput: %.1f%%</strong></p>%n",
              ratio.doubleValue() * 100));
    }
    for (Part part : parts) {
      summaryTables(sb, part);
    }
    if (summary.get("idle") instanceof List<?> idle) {
      idleTable(sb, idle);
    }
    for (Map.Entry<String, String> c : charts.entrySet()) {
      sb.append("<figure id=\"")
          .append(c.getKey())
          .append("\">\n")
          .append(c.getValue())
          .append("<figcaption>also in <a href=\"")
          .append(c.getKey())
          .append(".svg\">")
          .append(c.getKey())
          .append(".svg</a></figcaption>\n</figure>\n");
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static String machine(Map<String, Object> summary) {
    Map<String, Object> m = map(summary.get("machine"));
    return m.getOrDefault("cpus", "?")
        + " CPUs, "
        + m.getOrDefault("os", "")
        + ", "
        + m.getOrDefault("java", "");
  }

  private static void summaryTables(StringBuilder sb, Part part) {
    Map<String, Object> s = part.summary();
    sb.append("<h2>")
        .append(
            SvgChart.escape(
                part.label().isEmpty() ? String.valueOf(s.get("target")) : part.label()))
        .append("</h2>\n");
    Map<String, Object> players = map(s.get("players"));
    Map<String, Object> tp = map(s.get("throughput"));
    Map<String, Object> req = map(s.get("requests"));
    Map<String, Object> sc = map(s.get("scenario"));
    sb.append("<table class=\"figures\">\n");
    row(
        sb,
        "players connected / requested",
        players.get("connected") + " / " + players.get("requested"));
    row(
        sb,
        "measured part",
        sc.get("duration") + " after " + sc.get("warmup") + " warmup, seed " + sc.get("seed"));
    row(sb, "throughput offered (req/s)", fixed(tp.get("offeredPerS"), 0));
    row(sb, "throughput achieved (replies/s)", fixed(tp.get("achievedPerS"), 0));
    row(sb, "requests sent / replies", req.get("sent") + " / " + req.get("replies"));
    row(
        sb,
        "errors / unanswered / out of order",
        req.get("errors") + " / " + req.get("unanswered") + " / " + req.get("outOfOrder"));
    Map<String, Object> errors = map(s.get("errors"));
    if (!errors.isEmpty()) {
      row(sb, "error replies", errors.toString());
    }
    Map<String, Object> delivery = map(map(s.get("push")).get("claimedDeliveryMs"));
    if (number(delivery.get("count")) > 0) {
      row(
          sb,
          "claimed events delivered (p50 / p99 / max ms)",
          delivery.get("count") + " (" + percentiles(delivery, "p50", "p99", "max") + ")");
    }
    Map<String, Object> pauses = map(map(s.get("serverPauses")).get("gcPausesMs"));
    if (pauses.containsKey("count")) {
      row(
          sb,
          "server GC pauses, safepoint log (count; p99 / p99.9 / max ms)",
          pauses.get("count") + "; " + percentiles(pauses, "p99", "p99.9", "max"));
    }
    Map<String, Object> atSafepoint = map(map(s.get("serverPauses")).get("gcAtSafepointMs"));
    if (atSafepoint.containsKey("count")) {
      row(
          sb,
          "of which at the safepoint, the collector's work (p99 / p99.9 / max ms)",
          percentiles(atSafepoint, "p99", "p99.9", "max"));
    }
    if (s.get("server") instanceof Map<?, ?> raw) {
      Map<String, Object> server = map(raw);
      Map<String, Object> gc = map(server.get("gc"));
      Map<String, Object> journal = map(server.get("journal"));
      row(sb, "server allocation (B/request)", fixed(server.get("allocatedBytesPerRequest"), 0));
      row(
          sb,
          "server GC pauses, /metrics (count, p99.9 bucket ms, max in whole ms)",
          fixed(gc.get("pauses"), 0)
              + ", "
              + fixed(gc.get("p99.9Ms"), 3)
              + ", "
              + fixed(gc.get("maxMs"), 3));
      row(
          sb,
          "server GC threads (% of process CPU)",
          fixed(number(gc.get("gcCpuShareOfProcess")) * 100, 1));
      row(sb, "server cores used", fixed(gc.get("processCoresUsed"), 2));
      row(sb, "server heap used (MiB)", fixed(number(server.get("heapUsedBytes")) / MIB, 0));
      row(sb, "server RSS (MiB)", fixed(number(server.get("rssBytes")) / MIB, 0));
      row(sb, "journal fsyncs (per s)", fixed(journal.get("fsyncsPerS"), 0));
      row(sb, "journal records per batch", fixed(journal.get("recordsPerBatch"), 1));
    }
    sb.append("</table>\n");
    sb.append("<table class=\"latency\">\n<tr><th>op</th><th>sent</th><th>replies</th>")
        .append(
            "<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr>\n");
    Map<String, Object> latency = map(s.get("latencyMs"));
    for (Map.Entry<String, Object> e : latency.entrySet()) {
      Map<String, Object> o = map(e.getValue());
      if (number(o.get("count")) == 0 && !e.getKey().equals("all")) {
        continue;
      }
      sb.append("<tr><td>").append(SvgChart.escape(e.getKey())).append("</td>");
      for (Object v :
          new Object[] {
            o.getOrDefault("sent", ""),
            o.getOrDefault("replies", ""),
            fixed(o.get("p50"), 3),
            fixed(o.get("p90"), 3),
            fixed(o.get("p99"), 3),
            fixed(o.get("p99.9"), 3),
            fixed(o.get("max"), 3)
          }) {
        sb.append("<td>").append(SvgChart.escape(String.valueOf(v))).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void idleTable(StringBuilder sb, List<?> steps) {
    sb.append("<h2>idle connections</h2>\n<table class=\"idle\">\n<tr><th>idle players</th>")
        .append("<th>connected</th><th>RSS B/connection</th><th>heap B/connection</th></tr>\n");
    for (Object o : steps) {
      Map<String, Object> m = map(o);
      sb.append("<tr><td>")
          .append(m.get("requested"))
          .append("</td><td>")
          .append(m.get("connected"))
          .append("</td><td>")
          .append(fixed(m.get("rssBytesPerConnection"), 0))
          .append("</td><td>")
          .append(fixed(m.get("heapBytesPerConnection"), 0))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }

  private static void row(StringBuilder sb, String name, String value) {
    sb.append("<tr><th>")
        .append(SvgChart.escape(name))
        .append("</th><td>")
        .append(SvgChart.escape(value))
        .append("</td></tr>\n");
  }

  private static String fixed(Object o, int decimals) {
    double v = number(o);
    return Double.isFinite(v)
        ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", v)
        : "-";
  }

  private static double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The figures {@code keys} of a percentile map, in ms with 3 decimals, joined by " / ". */
  private static String percentiles(Map<String, Object> stats, String... keys) {
    StringBuilder sb = new StringBuilder();
    for (String key : keys) {
      sb.append(sb.isEmpty() ? "" : " / ").append(fixed(stats.get(key), 3));
    }
    return sb.toString();
  }
}
