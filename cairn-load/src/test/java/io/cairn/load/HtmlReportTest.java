package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  /** 1,000 replies of 1 ms to 1,000 ms: p50 is 500 ms, p99 990 ms, max 1,000 ms. */
  private static Histogram oneToThousandMs() {
    Histogram h = Histograms.newNanos();
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * MS);
    }
    return h;
  }

  private static Histogram constantMs(long ms, int count) {
    Histogram h = Histograms.newNanos();
    h.recordValueWithCount(ms * MS, count);
    return h;
  }

  @Test
  void spectrumPutsEachPercentileAtItsLogPositionWithItsValue() {
    SvgChart.Series s = HtmlReport.spectrum("move", oneToThousandMs());
    int p99 = indexOf(s.x(), 2.0);
    assertThat(s.y()[p99]).isCloseTo(990, within(1.0));
    int p90 = indexOf(s.x(), 1.0);
    assertThat(s.y()[p90]).isCloseTo(900, within(1.0));
    assertThat(s.x()[s.x().length - 1]).isCloseTo(3.0, within(1e-9));
    assertThat(s.y()[s.y().length - 1]).isCloseTo(1000, within(1.0));
    // 1,000 values say nothing beyond p99.9: no point further right than log10(count)
    assertThat(java.util.Arrays.stream(s.x()).max().orElseThrow()).isLessThanOrEqualTo(3.0 + 1e-9);
  }

  @Test
  void chartDrawsThePercentilePointWhereTheAxesPutItAndLabelsIt() {
    SvgChart.Series move = HtmlReport.spectrum("move", oneToThousandMs());
    SvgChart.Series scan = HtmlReport.spectrum("scan", constantMs(5, 1000));
    SvgChart chart = new SvgChart("t", "percentile", "latency (ms)", true, List.of(move, scan));
    String svg = chart.svg();

    assertThat(chart.yMax()).isEqualTo(1200); // max 1000 ms, rounded up
    assertThat(chart.xMax()).isEqualTo(3);
    double p99Ms = move.y()[indexOf(move.x(), 2.0)];
    String p99Point = SvgChart.px(chart.xPx(2.0)) + "," + SvgChart.px(chart.yPx(p99Ms));
    assertThat(polyline(svg, "move")).contains(p99Point);
    // the p99 point is right of p90, left of the end, and 99% of the way up
    assertThat(chart.xPx(2.0)).isGreaterThan(chart.xPx(1.0)).isLessThan(chart.xPx(3.0));
    assertThat(chart.yPx(0) - chart.yPx(p99Ms))
        .isCloseTo(990.0 / 1200 * (chart.yPx(0) - chart.yPx(1200)), within(1.0));
    // scan is flat at 5 ms: every point of its line at the same height
    String flatY = SvgChart.px(chart.yPx(5.0));
    for (String point : polyline(svg, "scan").split(" ")) {
      assertThat(point).endsWith("," + flatY);
    }
    assertThat(svg)
        .contains(">99%</text>")
        .contains(">99.9%</text>")
        .contains(">90%</text>")
        .contains(">latency (ms)</text>")
        .contains(">percentile</text>")
        .contains("<title>move: p99 ")
        .contains(">1200</text>");
  }

  @Test
  void writesAReportWithTheSpectrumThroughputAndTableFromTheRunFiles() throws Exception {
    Map<String, Histogram> wholeRun = new LinkedHashMap<>();
    wholeRun.put("all", oneToThousandMs());
    wholeRun.put("move", oneToThousandMs());
    wholeRun.put("claimed", constantMs(20, 100));
    HtmlReport.writeTagged(dir.resolve(HtmlReport.HISTOGRAMS_FILE), wholeRun);
    long startMs = 1_800_000_000_000L;
    try (PrintStream out =
        new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")), true, "UTF-8")) {
      HistogramLogWriter w = new HistogramLogWriter(out);
      w.outputLogFormatVersion();
      w.outputStartTime(startMs);
      w.setBaseTime(startMs);
      w.outputLegend();
      int[] counts = {100, 500, 250};
      long[] p99Ms = {2, 40, 8};
      for (int i = 0; i < counts.length; i++) {
        Histogram h = constantMs(p99Ms[i], counts[i]);
        h.setStartTimeStamp(startMs + i * 1000L);
        h.setEndTimeStamp(startMs + (i + 1) * 1000L);
        w.outputIntervalHistogram(h);
      }
    }
    Files.writeString(dir.resolve("summary.json"), JsonOut.write(summary()));

    Path report = HtmlReport.write(dir);

    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(report).isEqualTo(dir.resolve("report.html"));
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("src=\"http")
        .contains("<svg")
        .contains(
            "<td>move</td><td>1000</td><td>1000</td><td>500.171</td><td>900.202</td><td>990.380</td>")
        .contains("<th>server allocation (B/request)</th><td>374</td>")
        .contains("<th>server RSS (MiB)</th><td>300</td>")
        .contains(
            "<th>server GC pauses, safepoint log (count; p99 / p99.9 / max ms)</th><td>4; 2.001 /")
        .contains("<th>throughput achieved (replies/s)</th><td>283</td>");
    for (String chart :
        List.of("latency-spectrum", "claimed-delivery", "throughput", "p99-per-second")) {
      assertThat(dir.resolve(chart + ".svg")).exists();
      assertThat(html).contains("<figure id=\"" + chart + "\">");
    }
    String throughput = Files.readString(dir.resolve("throughput.svg"));
    // 500 replies in the second second: y 500 at x 2 s, on a 0..500/s by 0..3 s chart
    assertThat(polyline(throughput, "replies/s")).contains("693.3,40.0");
    String p99 = Files.readString(dir.resolve("p99-per-second.svg"));
    assertThat(p99)
        .contains(
            "<title>p99: 2 s, "
                + SvgChart.number(constantMs(40, 1).getValueAtPercentile(99) / 1e6)
                + " ms</title>");
    String claimed = Files.readString(dir.resolve("claimed-delivery.svg"));
    assertThat(claimed)
        .contains(
            "<title>claimed: p99 "
                + SvgChart.number(constantMs(20, 1).getValueAtPercentile(99) / 1e6)
                + " ms</title>");
  }

  @Test
  void drawsOldRunsFromTheSummaryPercentilesAndBothTargetsOnOneChart() throws Exception {
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("target", "both");
    both.put("echo", summary());
    both.put("cairn", summary());
    both.put("throughputRatioToEcho", 0.757);
    Files.writeString(dir.resolve("summary.json"), JsonOut.write(both));

    HtmlReport.write(dir);

    String spectrum = Files.readString(dir.resolve("latency-spectrum.svg"));
    assertThat(spectrum)
        .contains("data-name=\"echo all\"")
        .contains("data-name=\"cairn all\"")
        .contains("data-name=\"cairn move\"")
        .contains(
            "<title>cairn move: p99 "
                + SvgChart.number(oneToThousandMs().getValueAtPercentile(99) / 1e6)
                + " ms</title>");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("cairn / echo achieved throughput: 75.7%");
  }

  @Test
  void drawsTheIdleMemoryModeAsATableWithoutCharts() throws Exception {
    Map<String, Object> idle = new LinkedHashMap<>();
    idle.put("target", "cairn");
    idle.put(
        "idle",
        List.of(
            Map.of(
                "requested",
                1000,
                "connected",
                1000,
                "rssBytesPerConnection",
                9876.4,
                "heapBytesPerConnection",
                2345.6)));
    Files.writeString(dir.resolve("summary.json"), JsonOut.write(idle));

    String html = Files.readString(HtmlReport.write(dir));

    assertThat(html)
        .contains("<tr><td>1000</td><td>1000</td><td>9876</td><td>2346</td></tr>")
        .doesNotContain("<svg");
    assertThat(dir.resolve("latency-spectrum.svg")).doesNotExist();
  }

  @Test
  void refusesADirectoryWithoutSummary() {
    assertThatThrownBy(() -> HtmlReport.write(dir))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("no summary.json in " + dir)
        .hasMessageContaining("--out directory of a finished cairn bench run");
  }

  private static Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("target", "cairn");
    s.put("players", Map.of("connected", 10, "requested", 10));
    s.put("scenario", Map.of("duration", "3s", "warmup", "0s", "seed", "1"));
    s.put("throughput", Map.of("offeredPerS", 300.0, "achievedPerS", 283.3));
    s.put(
        "requests",
        Map.of("sent", 1000, "replies", 1000, "errors", 0, "unanswered", 0, "outOfOrder", 0));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("all", Report.stats(oneToThousandMs()));
    Map<String, Object> move = Report.stats(oneToThousandMs());
    move.put("sent", 1000L);
    move.put("replies", 1000L);
    latency.put("move", move);
    s.put("latencyMs", latency);
    s.put("push", Map.of("claimedDeliveryMs", Report.stats(constantMs(20, 100))));
    s.put("errors", Map.of());
    s.put("serverPauses", Map.of("gcPausesMs", Report.stats(constantMs(2, 4))));
    s.put(
        "server",
        Map.of(
            "allocatedBytesPerRequest",
            374.0,
            "rssBytes",
            300 * 1024.0 * 1024.0,
            "heapUsedBytes",
            100 * 1024.0 * 1024.0,
            "gc",
            Map.of("pauses", 3.0),
            "journal",
            Map.of("fsyncsPerS", 90.0)));
    return s;
  }

  private static int indexOf(double[] xs, double x) {
    for (int i = 0; i < xs.length; i++) {
      if (Math.abs(xs[i] - x) < 1e-9) {
        return i;
      }
    }
    throw new AssertionError("no point at x " + x);
  }

  private static String polyline(String svg, String series) {
    Matcher m =
        Pattern.compile(
                "data-name=\""
                    + Pattern.quote(series)
                    + "\">\\s*<polyline[^>]* points=\"([^\"]*)\"")
            .matcher(svg);
    assertThat(m.find()).as("a line for " + series).isTrue();
    return m.group(1);
  }
}
