package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PromTextTest {
  private static final String BEFORE =
      """
      # HELP cairn_requests_total Commands received, by op
      # TYPE cairn_requests_total counter
      cairn_requests_total{op="move"} 10.0
      cairn_requests_total{op="scan"} 5.0
      jvm_memory_used_bytes{area="heap",id="ZGC Young Generation"} 100.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 7.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="1.0E-5"} 1.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="1.0E-4"} 2.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="+Inf"} 2.0
      """;
  private static final String AFTER =
      """
      cairn_requests_total{op="move"} 110.0
      cairn_requests_total{op="scan"} 25.0
      jvm_memory_used_bytes{area="heap",id="ZGC Young Generation"} 300.0
      jvm_memory_used_bytes{area="heap",id="ZGC Old Generation"} 50.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="1.0E-5"} 1.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="1.0E-4"} 100.0
      jvm_gc_pause_seconds_bucket{action="end of minor GC",cause="Allocation Rate",le="+Inf"} 101.0
      jvm_gc_pause_seconds_bucket{action="end of major GC",cause="Proactive",le="1.0E-5"} 0.0
      jvm_gc_pause_seconds_bucket{action="end of major GC",cause="Proactive",le="1.0E-4"} 0.0
      jvm_gc_pause_seconds_bucket{action="end of major GC",cause="Proactive",le="+Inf"} 1.0
      jvm_gc_pause_seconds_max{action="end of minor GC",cause="Allocation Rate"} 0.002
      """;

  @Test
  void sumsASeriesOverItsLabelsOrTheMatchingOnes() {
    PromText before = new PromText(BEFORE);
    PromText after = new PromText(AFTER);
    assertThat(after.sum("cairn_requests_total") - before.sum("cairn_requests_total"))
        .isEqualTo(120.0);
    assertThat(after.sum("jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(350.0);
    assertThat(after.sum("no_such_metric")).isNaN();
    assertThat(after.max("jvm_gc_pause_seconds_max")).isEqualTo(0.002);
  }

  @Test
  void quantilesComeFromTheBucketsObservedBetweenTwoScrapes() {
    TreeMap<Double, Double> b = new PromText(BEFORE).buckets("jvm_gc_pause_seconds");
    TreeMap<Double, Double> a = new PromText(AFTER).buckets("jvm_gc_pause_seconds");
    // between the scrapes: 98 pauses <= 100 us, 2 above (one minor, one major)
    assertThat(PromText.observations(b, a)).isEqualTo(100.0);
    assertThat(PromText.quantile(b, a, 0.5)).isEqualTo(1.0E-4);
    assertThat(PromText.quantile(b, a, 0.98)).isEqualTo(1.0E-4);
    assertThat(PromText.quantile(b, a, 0.999)).isInfinite();
    assertThat(PromText.quantile(b, b, 0.99)).isNaN();
  }
}
