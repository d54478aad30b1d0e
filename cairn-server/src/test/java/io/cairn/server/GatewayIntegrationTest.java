package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player protocol over real loopback sockets, with the JDK's WebSocket client. */
class GatewayIntegrationTest {
  private static final String ANCHOR = ",\"lat\":59.3251,\"lon\":18.0711";

  @TempDir Path data;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(data).withHunt();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String join(String name, String team) {
    return ",\"hunt\":\"harbor-run\",\"name\":\"" + name + "\",\"team\":\"" + team + "\"";
  }

  @Test
  void playsAHuntFromJoinToBoard() throws Exception {
    try (WsClient ada = server.connect()) {
      JsonNode joined = ada.call("join", join("Ada", "Crew"));
      assertThat(joined.get("ok").asBoolean()).as(joined.toString()).isTrue();
      assertThat(joined.get("team").asText()).isEqualTo("Crew");
      assertThat(joined.get("token").asText()).startsWith("harbor-run.");
      assertThat(joined.get("hunt").get("id").asText()).isEqualTo("harbor-run");

      JsonNode state = ada.call("state");
      assertThat(state.get("hunt").get("status").asText()).isEqualTo("running");
      assertThat(state.get("hunt").get("puzzles").get(0).get("id").asText())
          .isEqualTo("lighthouse");

      assertThat(ada.call("ping").get("ok").asBoolean()).isTrue();
      assertThat(ada.call("move", ANCHOR).get("ok").asBoolean()).isTrue();
      JsonNode scan = ada.call("scan");
      assertThat(scan.get("treasures").findValuesAsText("id")).containsExactly("boathouse");

      JsonNode hint = ada.call("hint", ",\"puzzle\":\"lighthouse\"");
      assertThat(hint.get("ok").asBoolean()).as(hint.toString()).isTrue();
      assertThat(hint.get("cost").asInt()).isEqualTo(20);
      assertThat(hint.get("score").asInt()).isEqualTo(-20);

      JsonNode wrong = ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"candle\"");
      assertThat(wrong.get("correct").asBoolean()).isFalse();
      JsonNode partial = ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"Lens\"");
      assertThat(partial.get("correct").asBoolean()).isFalse();
      assertThat(partial.get("message").asText()).isEqualTo("Which kind of lens?");
      JsonNode right = ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"Fresnel!\"");
      assertThat(right.get("correct").asBoolean()).as(right.toString()).isTrue();
      assertThat(right.get("points").asInt()).isEqualTo(100);

      JsonNode claim = ada.call("claim", ",\"treasure\":\"old-anchor\",\"code\":\"ANCHOR-7731\"");
      assertThat(claim.get("ok").asBoolean()).as(claim.toString()).isTrue();
      assertThat(claim.get("first").asBoolean()).isTrue();
      assertThat(claim.get("points").asInt()).isEqualTo(250);

      JsonNode board = ada.call("board", ",\"limit\":5");
      assertThat(board.get("top").get(0).get("team").asText()).isEqualTo("Crew");
      assertThat(board.get("you").get("rank").asInt()).isEqualTo(1);
    }
  }

  @Test
  void pushesSolvedAndClaimedToOtherPlayersOfTheHunt() throws Exception {
    try (WsClient ada = server.connect();
        WsClient bob = server.connect()) {
      assertThat(ada.call("join", join("Ada", "Crew")).get("ok").asBoolean()).isTrue();
      assertThat(bob.call("join", join("Bob", "Rivals")).get("ok").asBoolean()).isTrue();
      ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"fresnel\"");
      JsonNode solved = bob.event("solved");
      assertThat(solved.get("puzzle").asText()).isEqualTo("lighthouse");
      assertThat(solved.get("team").asText()).isEqualTo("Crew");
      ada.call("move", ANCHOR);
      ada.call("claim", ",\"treasure\":\"old-anchor\",\"code\":\"ANCHOR-7731\"");
      JsonNode claimed = bob.event("claimed");
      assertThat(claimed.get("treasure").asText()).isEqualTo("old-anchor");
      assertThat(claimed.get("first").asBoolean()).isTrue();
      assertThat(claimed.get("seq").asLong()).isGreaterThan(solved.get("seq").asLong());
      // unlocked goes to the team only
      JsonNode unlocked = ada.event("unlocked");
      if (!unlocked.has("treasure")) {
        unlocked = ada.event("unlocked");
      }
      assertThat(unlocked.get("treasure").asText()).isEqualTo("old-anchor");
      assertThat(bob.events.stream().map(e -> e.get("ev").asText())).doesNotContain("unlocked");
    }
  }

  /**
   * A shard's replies and events reach a connection in the order the shard produced them: the
   * solver's guess reply, then the hunt's solved event, then the reply to a ping sent right behind
   * the guess (pipelined), which must not overtake the event.
   */
  @Test
  void deliversRepliesAndEventsInTheOrderTheShardProducedThem() throws Exception {
    RawWsClient ada = RawWsClient.connect(server.server.port());
    try {
      ada.sendText("{\"id\":1,\"op\":\"join\"" + join("Ada", "Crew") + "}");
      assertThat(nextReply(ada).get("re").asLong()).isEqualTo(1);
      ada.writeFrame(
          0x1,
          "{\"id\":2,\"op\":\"guess\",\"puzzle\":\"lighthouse\",\"answer\":\"fresnel\"}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8),
          false);
      ada.writeFrame(
          0x1,
          "{\"id\":3,\"op\":\"ping\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          false);
      ada.flush();
      java.util.List<String> order = new java.util.ArrayList<>();
      while (!order.contains("re:3")) {
        JsonNode message = WsClient.JSON.readTree(ada.readFrame().text());
        order.add(
            message.has("re") ? "re:" + message.get("re").asLong() : message.get("ev").asText());
      }
      assertThat(order).containsSubsequence("re:2", "solved", "re:3");
      assertThat(order.indexOf("solved")).isLessThan(order.indexOf("re:3"));
    } finally {
      ada.abort();
    }
  }

  /** The next reply on a raw connection, skipping events. */
  private static JsonNode nextReply(RawWsClient client) throws Exception {
    while (true) {
      JsonNode message = WsClient.JSON.readTree(client.readFrame().text());
      if (message.has("re")) {
        return message;
      }
    }
  }

  @Test
  void resumesThePlayerByTokenOnANewConnection() throws Exception {
    String token;
    try (WsClient ada = server.connect()) {
      token = ada.call("join", join("Ada", "Crew")).get("token").asText();
      ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"fresnel\"");
    }
    try (WsClient again = server.connect()) {
      JsonNode resumed = again.call("join", ",\"token\":\"" + token + "\"");
      assertThat(resumed.get("ok").asBoolean()).as(resumed.toString()).isTrue();
      assertThat(resumed.get("player").asText()).isEqualTo("Ada");
      assertThat(again.call("state").get("hunt").get("score").asInt()).isEqualTo(100);
      JsonNode forged = again.call("join", ",\"token\":\"harbor-run.0.AAAAAAAAAAAAAAAAAAAAAA\"");
      assertThat(forged.get("error").get("code").asText()).isEqualTo("BAD_TOKEN");
    }
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (WsClient ada = server.connect()) {
      ada.send("{\"id\":1,\"op\":\"state\"}");
      ada.send("{\"id\":2,\"op\":\"ping\"}");
      ada.send("{\"id\":3,\"op\":\"join\"" + join("Ada", "Crew") + "}");
      ada.send("{\"id\":4,\"op\":\"state\"}");
      ada.send("{\"id\":5,\"op\":\"nope\"}");
      ada.send("{\"id\":6,\"op\":\"move\"" + ANCHOR + "}");
      ada.send("{\"id\":7,\"op\":\"ping\"}");
      ada.send("{\"id\":8,");
      ada.send("{\"id\":9,\"op\":\"scan\"}");
      for (int id = 10; id < 40; id++) {
        ada.send("{\"id\":" + id + ",\"op\":\"" + (id % 2 == 0 ? "state" : "ping") + "\"}");
      }
      for (int id = 1; id < 40; id++) {
        JsonNode reply = ada.reply();
        assertThat(reply.get("re").asLong()).as(reply.toString()).isEqualTo(id);
      }
    }
  }

  @Test
  void answersEnvelopeErrorsAndKeepsTheConnectionOpen() throws Exception {
    try (WsClient ada = server.connect()) {
      ada.send("{not json");
      JsonNode malformed = ada.reply();
      assertThat(malformed.get("re").isNull()).isTrue();
      assertThat(malformed.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
      ada.send("{\"op\":\"ping\"}");
      assertThat(ada.reply().get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
      ada.send("{\"id\":7,\"op\":\"dance\"}");
      JsonNode unknown = ada.reply();
      assertThat(unknown.get("re").asLong()).isEqualTo(7);
      assertThat(unknown.get("error").get("code").asText()).isEqualTo("UNKNOWN_OP");
      ada.send("{\"id\":8,\"op\":\"move\",\"lat\":\"north\",\"lon\":1}");
      JsonNode wrongType = ada.reply();
      assertThat(wrongType.get("re").asLong()).isEqualTo(8);
      assertThat(wrongType.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
      assertThat(ada.call("state").get("error").get("code").asText()).isEqualTo("NOT_JOINED");
      assertThat(ada.call("ping").get("ok").asBoolean()).isTrue();
      JsonNode unknownHunt = ada.call("join", ",\"hunt\":\"nowhere\",\"name\":\"Ada\"");
      assertThat(unknownHunt.get("error").get("code").asText()).isEqualTo("UNKNOWN_HUNT");
      assertThat(ada.closed).isNotDone();
    }
  }

  @Test
  void refusesBinaryFramesWithAnErrorPush() throws Exception {
    try (WsClient ada = server.connect()) {
      ada.sendBinary(new byte[] {1, 2, 3});
      JsonNode error = ada.event("error");
      assertThat(error.get("code").asText()).isEqualTo("BAD_REQUEST");
      assertThat(ada.call("ping").get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void closesWith1009AfterAFrameTooLarge() throws Exception {
    try (WsClient ada = server.connect()) {
      ada.send("{\"id\":1,\"op\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
      JsonNode error = ada.event("error");
      assertThat(error.get("code").asText()).isEqualTo("FRAME_TOO_LARGE");
      assertThat(ada.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    }
  }

  @Test
  void recoversPlayersAndScoresAfterARestart() throws Exception {
    String token;
    try (WsClient ada = server.connect()) {
      token = ada.call("join", join("Ada", "Crew")).get("token").asText();
      ada.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"fresnel\"");
    }
    server.close();
    server = TestServer.start(data);
    try (WsClient ada = server.connect()) {
      JsonNode resumed = ada.call("join", ",\"token\":\"" + token + "\"");
      assertThat(resumed.get("ok").asBoolean()).as(resumed.toString()).isTrue();
      JsonNode state = ada.call("state");
      assertThat(state.get("hunt").get("score").asInt()).isEqualTo(100);
      assertThat(state.get("hunt").get("puzzles").get(0).get("solved").asBoolean()).isTrue();
    }
  }
}
