package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static Map<String, Object> run(double p50, double p99, double p999, double claimedP99) {
    Map<String, Object> all = Map.of("count", 10L, "p50", p50, "p99", p99, "p99.9", p999);
    Map<String, Object> claimed =
        claimedP99 < 0
            ? Map.of("count", 0L)
            : Map.of("count", 5L, "p50", claimedP99 / 2, "p99", claimedP99, "max", claimedP99);
    return Map.of("latencyMs", Map.of("all", all), "push", Map.of("claimedDeliveryMs", claimed));
  }

  @Test
  void ratiosDivideCairnsPercentilesByTheEchoServers() {
    Map<String, Object> r = Report.ratiosToEcho(run(0.4, 2.0, 9.0, 30.0), run(0.2, 1.0, 3.0, 20.0));
    assertThat(r)
        .containsEntry("latencyP50RatioToEcho", 2.0)
        .containsEntry("latencyP99RatioToEcho", 2.0)
        .containsEntry("latencyP999RatioToEcho", 3.0)
        .containsEntry("claimedP50RatioToEcho", 1.5)
        .containsEntry("claimedP99RatioToEcho", 1.5)
        .containsEntry("claimedMaxRatioToEcho", 1.5);

    StringWriter table = new StringWriter();
    Report.ratioTable(new LinkedHashMap<>(r), new PrintWriter(table, true));
    assertThat(table.toString())
        .startsWith("cairn / echo latency: p50 2.00x, p99 2.00x, p99.9 3.00x;")
        .contains("claimed delivery: p50 1.50x, p99 1.50x");
  }

  @Test
  void aRatioWithoutAnEchoFigureIsNotANumberAndPrintsAsADash() {
    Map<String, Object> r = Report.ratiosToEcho(run(0.4, 2.0, 9.0, 30.0), run(0.2, 1.0, 3.0, -1));
    assertThat((Double) r.get("claimedP99RatioToEcho")).isNaN();
    assertThat(JsonOut.write(r)).contains("\"claimedP99RatioToEcho\": null");
    StringWriter table = new StringWriter();
    Report.ratioTable(new LinkedHashMap<>(r), new PrintWriter(table, true));
    assertThat(table.toString()).contains("claimed delivery: p50 -, p99 -, max -");
  }
}
