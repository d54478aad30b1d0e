package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthHistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong nowMs = new AtomicLong(1_000_000);
  private final HealthHistory history = new HealthHistory(registry, nowMs::get);
  private final Counter requests =
      Counter.builder("cairn.requests").tag("op", "move").register(registry);
  private final Timer latency =
      Timer.builder("cairn.request.latency")
          .tag("op", "move")
          .publishPercentileHistogram()
          .register(registry);

  private JsonNode json(long afterMs) throws Exception {
    return JSON.readTree(history.json(afterMs));
  }

  @Test
  void ratesAndPercentilesCoverOnlyTheirInterval() throws Exception {
    for (int i = 0; i < 1000; i++) {
      latency.record(200, TimeUnit.MILLISECONDS);
    }
    history.sample();
    nowMs.addAndGet(2_000);
    requests.increment(50);
    for (int i = 0; i < 99; i++) {
      latency.record(2, TimeUnit.MILLISECONDS);
    }
    latency.record(900, TimeUnit.MILLISECONDS);
    history.sample();

    JsonNode health = json(0);
    assertThat(health.get("t")).hasSize(2);
    assertThat(health.get("requestsPerS").get(0).isNull()).isTrue();
    assertThat(health.get("requestsPerS").get(1).asDouble()).isEqualTo(25.0);
    double p50 = health.get("latencyP50Ms").get(1).asDouble();
    double p99 = health.get("latencyP99Ms").get(1).asDouble();
    assertThat(p50)
        .as("the 200 ms of the first interval are not in the second")
        .isBetween(1.0, 3.0);
    assertThat(p99).isLessThan(200.0);
    assertThat(json(1_000_000).get("t")).hasSize(1);
    assertThat(json(1_002_000).get("t")).isEmpty();
  }

  @Test
  void percentileInterpolatesWithinTheBucketHoldingTheRank() {
    // buckets (upper bound ms, cumulative count): 1 ms: 0, 2 ms: 100, 4 ms: 100
    double[] before = {1, 0, 2, 0, 4, 0};
    double[] now = {1, 0, 2, 100, 4, 100};

    assertThat(HealthHistory.percentileMs(now, before, 0.5)).isCloseTo(1.5, within(1e-9));
    assertThat(HealthHistory.percentileMs(now, before, 0.99)).isCloseTo(1.99, within(1e-9));
    assertThat(HealthHistory.percentileMs(before, before, 0.5)).isNaN();
  }

  @Test
  void keepsAtMostFiveMinutesOfSamples() throws Exception {
    for (int i = 0; i < HealthHistory.CAPACITY + 10; i++) {
      nowMs.addAndGet(1_000);
      history.sample();
    }

    JsonNode t = json(0).get("t");
    assertThat(t).hasSize(HealthHistory.CAPACITY);
    assertThat(t.get(t.size() - 1).asLong()).isEqualTo(nowMs.get());
  }
}
