package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.ErrorCode;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsRouteTest {
  @Test
  void exposesJvmShardJournalAndGatewayMetrics(@TempDir Path dir) throws Exception {
    try (EngineFixture fixture = new EngineFixture(dir);
        ServerMetrics metrics = new ServerMetrics().bind(fixture.engine)) {
      assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");
      RouteChannel http = new RouteChannel(new MetricsRoute(metrics));

      FullHttpResponse response = http.exchange(RouteChannel.get("/metrics"));

      assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
          .startsWith("text/plain; version=0.0.4");
      String text = RouteChannel.body(response);
      assertThat(text)
          .contains(
              "jvm_memory_used_bytes",
              "jvm_gc_memory_allocated_bytes_total",
              "jvm_threads_live_threads",
              "jvm_classes_loaded_classes",
              "process_cpu_usage",
              "cairn_hunts",
              "cairn_connections_active",
              "cairn_connections_opened_total",
              "cairn_requests_total{op=\"guess\"}",
              "cairn_request_latency_seconds_bucket{op=\"guess\"",
              "cairn_shard_queued_bytes{shard=\"0\"}",
              "cairn_shard_batches_total{shard=\"1\"}",
              "cairn_shard_commands_total",
              "cairn_shard_max_batch_commands",
              "cairn_shard_snapshots_total",
              "cairn_journal_batches_total",
              "cairn_journal_records_total",
              "cairn_journal_written_bytes_total",
              "cairn_journal_fsyncs_total",
              "cairn_journal_fsync_time_seconds_total",
              "cairn_journal_last_fsync_seconds",
              "cairn_journal_max_batch_records");
      int shard = fixture.engine.shardOf("alpha");
      assertThat(value(text, "cairn_journal_records_total{shard=\"" + shard + "\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(text, "cairn_hunts")).isEqualTo(1);
    }
  }

  @Test
  void gatewayCallsMoveTheNumbers() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      metrics.connectionOpened();
      metrics.connectionOpened();
      metrics.connectionClosed();
      metrics.request(Op.GUESS);
      metrics.request(Op.GUESS);
      metrics.request(Op.MOVE);
      metrics.request(99);
      metrics.error(Op.GUESS, "RATE_LIMITED");
      metrics.error(Op.GUESS, ServerMetrics.errorCodeIndex("RATE_LIMITED"));
      metrics.error(Op.CLAIM, "SOMETHING_NEW");
      metrics.latency(Op.GUESS, 2_000_000);

      String text = metrics.scrape();

      assertThat(value(text, "cairn_connections_opened_total")).isEqualTo(2);
      assertThat(value(text, "cairn_connections_active")).isEqualTo(1);
      assertThat(value(text, "cairn_requests_total{op=\"guess\"}")).isEqualTo(2);
      assertThat(value(text, "cairn_requests_total{op=\"move\"}")).isEqualTo(1);
      assertThat(value(text, "cairn_request_errors_total{code=\"RATE_LIMITED\",op=\"guess\"}"))
          .isEqualTo(2);
      assertThat(value(text, "cairn_request_errors_total{code=\"OTHER\",op=\"claim\"}"))
          .isEqualTo(1);
      assertThat(value(text, "cairn_request_latency_seconds_count{op=\"guess\"}")).isEqualTo(1);
      assertThat(value(text, "cairn_request_latency_seconds_sum{op=\"guess\"}")).isEqualTo(0.002);
    }
  }

  @Test
  void gatewayCallsAllocateNothingOnceWarm() {
    try (ServerMetrics metrics = new ServerMetrics()) {
      int calls = 100_000;
      for (int i = 0; i < calls; i++) {
        exercise(metrics, i);
      }
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < calls; i++) {
        exercise(metrics, i);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;

      assertThat(allocated / (double) calls).as("bytes per call group").isLessThan(1.0);
    }
  }

  private static void exercise(ServerMetrics metrics, int i) {
    metrics.connectionOpened();
    metrics.request(Op.GUESS);
    metrics.error(Op.GUESS, ErrorCode.RATE_LIMITED);
    metrics.error(Op.CLAIM, i & 7);
    metrics.latency(Op.GUESS, 1_000L + (i & 1023) * 1_000L);
    metrics.connectionClosed();
  }

  @Test
  void errorCodeIndexKnowsEveryProtocolCode() {
    for (int i = 0; i < ServerMetrics.ERROR_CODES.length; i++) {
      assertThat(ServerMetrics.errorCodeIndex(new String(ServerMetrics.ERROR_CODES[i])))
          .isEqualTo(i);
    }
    assertThat(ServerMetrics.errorCodeIndex("NOPE")).isEqualTo(ServerMetrics.OTHER);
  }

  /** The value of the sample line that starts with {@code series} and a space. */
  private static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    throw new AssertionError("no sample " + series + " in\n" + text);
  }
}
