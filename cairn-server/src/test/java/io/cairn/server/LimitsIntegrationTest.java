package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection limit and idle timeout over real sockets. */
class LimitsIntegrationTest {
  @TempDir Path data;

  @Test
  void refusesConnectionsPastMaxConnections() throws Exception {
    try (TestServer server = TestServer.start(data, Map.of("max-connections", "2"));
        WsClient first = server.connect();
        WsClient second = server.connect()) {
      assertThat(first.call("ping").get("ok").asBoolean()).isTrue();
      assertThatThrownBy(server::connect)
          .hasRootCauseMessage("Unexpected HTTP response status code 503");
      assertThat(second.call("ping").get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void disconnectsAClientThatNeverReads() throws Exception {
    Map<String, String> limits =
        Map.of(
            "outbound-high-water-bytes", "16KiB",
            "outbound-limit-bytes", "64KiB",
            "requests-per-second", "1000000",
            "fsync", "never");
    try (TestServer server = TestServer.start(data, limits).withHunt()) {
      WebSocket stalled =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(server.url()),
                  new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                      // never requests a message: the socket is not read
                    }
                  })
              .get(5, TimeUnit.SECONDS);
      stalled
          .sendText("{\"id\":0,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Slow\"}", true)
          .get(5, TimeUnit.SECONDS);
      while (server.gateway.players() == 0) {
        Thread.sleep(5);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int sent = 0;
      while (server.gateway.players() > 0 && System.nanoTime() < deadline) {
        try {
          stalled
              .sendText("{\"id\":" + ++sent + ",\"op\":\"state\"}", true)
              .get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
          break;
        }
      }
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.gateway.players() > 0 && System.nanoTime() < waitUntil) {
        Thread.sleep(20);
      }
      assertThat(server.gateway.players()).as("after %d requests", sent).isZero();
      assertThat(server.gateway.slowConsumersClosed()).as("after %d requests", sent).isEqualTo(1);
      stalled.abort();
    }
  }

  @Test
  void closesAConnectionThatStaysSilentPastTheIdleTimeout() throws Exception {
    try (TestServer server = TestServer.start(data, Map.of("idle-timeout", "1s"));
        WsClient quiet = server.connect()) {
      assertThat(quiet.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
    }
  }
}
