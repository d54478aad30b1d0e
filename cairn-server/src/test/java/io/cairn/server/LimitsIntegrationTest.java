package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void closesAConnectionThatStaysSilentPastTheIdleTimeout() throws Exception {
    try (TestServer server = TestServer.start(data, Map.of("idle-timeout", "1s"));
        WsClient quiet = server.connect()) {
      assertThat(quiet.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
    }
  }
}
