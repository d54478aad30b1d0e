package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code cairn echo}'s push of marked requests, over real WebSocket connections. */
class EchoFanOutTest {
  private static final GatewayLimits LIMITS =
      new GatewayLimits(4096, 2, 64 * 1024, 256 * 1024, 50, 60_000_000_000L);

  /** Connects and waits for one echo, so the server has seen the handshake complete. */
  private static WsClient connect(CairnServer server) throws Exception {
    WsClient client = WsClient.connect(server.websocketUrl());
    client.send("{\"id\":1,\"op\":\"ping\"}");
    assertThat(client.reply().get("id").asLong()).isEqualTo(1);
    return client;
  }

  @Test
  void markedClaimPushesAClaimedEventToEveryHandshakenConnectionBesidesTheEcho() throws Exception {
    try (CairnServer server = CairnServer.echo("127.0.0.1", 0, LIMITS)) {
      List<WsClient> players = new ArrayList<>();
      try {
        for (int i = 0; i < 6; i++) {
          players.add(connect(server));
        }
        WsClient gone = connect(server);
        gone.close(); // a closed connection leaves the fan-out without troubling it

        String claim =
            "{\"id\":2,\"op\":\"claim\",\"treasure\":\"t3\",\"code\":\"C3\""
                + EchoFanOut.CLAIMED_MARK;
        long before = System.currentTimeMillis();
        players.get(2).send(claim);
        assertThat(players.get(2).reply().toString())
            .isEqualTo(WsClient.JSON.readTree(claim).toString());
        long seq = -1;
        for (WsClient p : players) {
          JsonNode e = p.event("claimed");
          assertThat(e.get("at").asLong()).isBetween(before, System.currentTimeMillis());
          assertThat(e.get("treasure").asText()).isEqualTo("t3");
          assertThat(e.get("team").asText()).matches("p[0-9]+");
          assertThat(e.get("first").asBoolean()).isTrue();
          if (seq < 0) {
            seq = e.get("seq").asLong();
          }
          assertThat(e.get("seq").asLong()).isEqualTo(seq);
          assertThat(p.events).isEmpty();
        }

        players.get(4).send(claim.replace("\"id\":2", "\"id\":3"));
        players.get(4).reply();
        for (WsClient p : players) {
          JsonNode e = p.event("claimed");
          assertThat(e.get("first").asBoolean()).isFalse();
          assertThat(e.get("seq").asLong()).isEqualTo(seq + 1);
        }
      } finally {
        players.forEach(WsClient::close);
      }
    }
  }

  @Test
  void markedRightGuessPushesSolvedAndUnmarkedFramesOnlyEcho() throws Exception {
    try (CairnServer server = CairnServer.echo("127.0.0.1", 0, LIMITS);
        WsClient a = connect(server);
        WsClient b = connect(server)) {
      a.send("{\"id\":2,\"op\":\"claim\",\"treasure\":\"t1\",\"code\":\"C1\"}");
      a.send(
          "{\"id\":3,\"op\":\"guess\",\"puzzle\":\"p0\",\"answer\":\"x\"" + EchoFanOut.SOLVED_MARK);
      assertThat(a.reply().get("id").asLong()).isEqualTo(2);
      assertThat(a.reply().get("id").asLong()).isEqualTo(3);
      for (WsClient p : List.of(a, b)) {
        JsonNode e = p.events.poll(5, TimeUnit.SECONDS);
        assertThat(e).as("an event within 5 s").isNotNull();
        assertThat(e.get("ev").asText())
            .as("the unmarked claim pushed nothing")
            .isEqualTo("solved");
        assertThat(e.get("puzzle").asText()).isEqualTo("p0");
        assertThat(e.fieldNames())
            .toIterable()
            .containsExactly("ev", "seq", "at", "puzzle", "team");
      }
    }
  }

  @Test
  void copiesOnlyPlainFieldValuesIntoEvents() {
    assertThat(EchoFanOut.field("{\"treasure\":\"t7\",\"code\":\"x\"}", "treasure"))
        .isEqualTo("t7");
    assertThat(EchoFanOut.field("{\"treasure\":\"a\\\"b\"}", "treasure")).isEmpty();
    assertThat(EchoFanOut.field("{\"code\":\"x\"}", "treasure")).isEmpty();
  }
}
