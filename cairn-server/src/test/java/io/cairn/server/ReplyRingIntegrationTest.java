package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reply ring starts with {@link PlayerFrameHandler#INITIAL_SLOTS} slots and grows while more
 * requests are in flight: pipelined bursts well past the initial size are answered in order.
 */
class ReplyRingIntegrationTest {
  private static final String[] OPS = {
    "\"op\":\"state\"",
    "\"op\":\"ping\"",
    "\"op\":\"move\",\"lat\":59.3251,\"lon\":18.0711",
    "\"op\":\"scan\""
  };

  @TempDir Path data;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(data, Map.of("requests-per-second", "100000")).withHunt();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * The join and the requests behind it arrive in one read: the requests wait for the join's reply
   * in their slots, so all of them are in flight at once, far past the initial ring.
   */
  @Test
  void answersRequestsPipelinedBehindAJoinInOrder() throws Exception {
    int behindJoin = PlayerFrameHandler.MAX_QUEUED - 1;
    assertThat(behindJoin).isGreaterThan(4 * PlayerFrameHandler.INITIAL_SLOTS);
    try (RawWsClient raw = RawWsClient.connect(server.server.port())) {
      send(raw, "{\"id\":0,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Ada\"}", false);
      sendBurst(raw, 1, behindJoin);
      expectInOrder(raw, 0, behindJoin);
      sendBurst(raw, behindJoin + 1, PlayerFrameHandler.MAX_IN_FLIGHT);
      expectInOrder(raw, behindJoin + 1, behindJoin + PlayerFrameHandler.MAX_IN_FLIGHT);
      sendBurst(raw, 1_000, 3 * PlayerFrameHandler.MAX_IN_FLIGHT);
      expectInOrder(raw, 1_000, 999 + 3 * PlayerFrameHandler.MAX_IN_FLIGHT);
    }
  }

  private static void sendBurst(RawWsClient raw, int firstId, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      send(raw, "{\"id\":" + id + "," + OPS[id % OPS.length] + "}", i == count - 1);
    }
  }

  private static void send(RawWsClient raw, String text, boolean flush) throws Exception {
    raw.writeFrame(RawWsClient.OP_TEXT, text.getBytes(StandardCharsets.UTF_8), flush);
  }

  private static void expectInOrder(RawWsClient raw, int firstId, int lastId) throws Exception {
    for (int id = firstId; id <= lastId; ) {
      String text = raw.readText();
      if (text.startsWith("{\"ev\"")) {
        continue;
      }
      JsonNode reply = WsClient.JSON.readTree(text);
      assertThat(reply.get("re").asLong()).as(text).isEqualTo(id);
      assertThat(reply.get("ok").asBoolean()).as(text).isTrue();
      id++;
    }
  }
}
