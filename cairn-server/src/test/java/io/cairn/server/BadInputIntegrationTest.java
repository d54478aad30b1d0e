package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.shard.ShardRecovery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 3 over real loopback sockets, each beside two well-behaved players
 * ({@link Witness}) whose every reply is checked while the bad input happens. Each test ends by
 * restarting the engine on the same data folder: recovery must report no damage and the witnesses'
 * acknowledged scores must be there.
 */
class BadInputIntegrationTest {
  @TempDir Path data;
  private TestServer server;
  private final List<Witness> witnesses = new ArrayList<>();

  private void startWith(Map<String, String> settings) throws Exception {
    server =
        TestServer.start(data, settings)
            .withHunt(TestServer.huntText().replace("max-players: 1000", "max-players: 5000"));
    witnesses.add(Witness.start(server, "Ada"));
    witnesses.add(Witness.start(server, "Bo"));
  }

  @AfterEach
  void stop() throws Exception {
    for (Witness w : witnesses) {
      try {
        w.close();
      } catch (AssertionError ignored) {
        // the test itself reported it
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private int port() {
    return server.server.port();
  }

  private void witnessesServed() throws InterruptedException {
    for (Witness w : witnesses) {
      w.awaitRounds(2);
    }
  }

  /** Stops the witnesses, restarts on the same data folder and checks what was acknowledged. */
  private void restartAndCheckJournal() throws Exception {
    for (Witness w : witnesses) {
      w.close();
    }
    server.close();
    server = null;
    server = TestServer.start(data);
    assertThat(server.engine.recovery()).isNotEmpty();
    long replayed = 0;
    for (ShardRecovery r : server.engine.recovery()) {
      assertThat(r.bytesDropped()).as("shard %d dropped bytes", r.shard()).isZero();
      replayed += r.recordsReplayed();
    }
    assertThat(replayed).isPositive();
    for (Witness w : witnesses) {
      w.assertRecoveredBy(server);
    }
    witnesses.clear();
  }

  private int playerCount() {
    return server.engine.directory().find(TestServer.HUNT_ID).orElseThrow().playerCount();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(5);
    }
  }

  private static JsonNode json(String text) throws IOException {
    return WsClient.JSON.readTree(text);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ invalid UTF-8

  @Test
  void answersInvalidUtf8WithBadRequestAndKeepsTheConnection() throws Exception {
    startWith(Map.of());
    String token;
    try (RawWsClient raw = RawWsClient.connect(port())) {
      byte[][] invalid = {
        {(byte) 0xFF}, // never valid in UTF-8
        {(byte) 0xC0, (byte) 0xAF}, // overlong encoding of '/'
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
        {(byte) 0xC3}, // truncated two-byte sequence
      };
      long id = 1;
      for (byte[] bad : invalid) {
        raw.writeFrame(
            RawWsClient.OP_TEXT,
            concat(
                bytes("{\"id\":" + id + ",\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"X"),
                bad,
                bytes("\"}")),
            true);
        JsonNode reply = json(raw.readText());
        assertThat(reply.get("re").asLong()).isEqualTo(id);
        assertThat(reply.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(reply.get("error").get("message").asText()).contains("UTF-8");
        id++;
      }

      raw.writeFrame(
          RawWsClient.OP_TEXT,
          concat(
              bytes("{\"id\":9,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Zo"),
              new byte[] {(byte) 0xC3}),
          false,
          false);
      raw.writeFrame(
          RawWsClient.OP_CONTINUATION, concat(new byte[] {(byte) 0x28}, bytes("\"}")), true, true);
      JsonNode split = json(raw.readText());
      assertThat(split.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");

      raw.writeFrame(
          RawWsClient.OP_TEXT,
          concat(
              bytes("{\"id\":10,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Zo"),
              new byte[] {(byte) 0xC3}),
          false,
          false);
      raw.writeFrame(
          RawWsClient.OP_CONTINUATION, concat(new byte[] {(byte) 0xAB}, bytes("\"}")), true, true);
      JsonNode joined = json(raw.readText());
      assertThat(joined.get("ok").asBoolean()).as(joined.toString()).isTrue();
      assertThat(joined.get("player").asText()).isEqualTo("Zoë");
      token = joined.get("token").asText();

      raw.sendText("{\"id\":11,\"op\":\"ping\"}");
      JsonNode pong = json(raw.readText());
      while (!pong.has("re")) {
        pong = json(raw.readText()); // a hunt event the joined player got first
      }
      assertThat(pong.get("ok").asBoolean()).isTrue();
    }
    witnessesServed();
    restartAndCheckJournal();
    try (WsClient zoe = server.connect()) {
      JsonNode resumed = zoe.call("join", ",\"token\":\"" + token + "\"");
      assertThat(resumed.get("player").asText()).isEqualTo("Zoë");
    }
  }

  // ------------------------------------------------------------------ connection churn

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** How one churned connection misbehaves, by its number modulo the count of ways. */
  private enum Churn {
    HALF_HANDSHAKE_FIN,
    HALF_HANDSHAKE_RST,
    UPGRADED_FIN,
    UPGRADED_RST,
    JOINED_FIN,
    JOINED_RST,
    JOIN_IN_FLIGHT_FIN
  }

  @Test
  void survivesThousandsOfConnectionsOpenedAndDropped() throws Exception {
    startWith(Map.of());
    int baseOpen = server.gateway.openConnections();
    int basePlayers = server.gateway.players();
    int baseBound = server.gateway.boundPlayers();
    long baseFds = openFileDescriptors();
    int total = 3_000;
    int batchSize = 100;
    int acknowledgedJoins = 0;
    Churn[] ways = Churn.values();
    for (int first = 0; first < total; first += batchSize) {
      List<RawWsClient> batch = new ArrayList<>(batchSize);
      for (int n = first; n < first + batchSize; n++) {
        RawWsClient c = RawWsClient.open(port(), 0);
        batch.add(c);
        switch (ways[n % ways.length]) {
          case HALF_HANDSHAKE_FIN, HALF_HANDSHAKE_RST ->
              c.writeRaw(
                  RawWsClient.handshake().substring(0, 60).getBytes(StandardCharsets.US_ASCII));
          case UPGRADED_FIN, UPGRADED_RST -> c.upgrade();
          default -> {
            c.upgrade();
            c.sendText(
                "{\"id\":1,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"churn-" + n + "\"}");
          }
        }
      }
      for (int n = first; n < first + batchSize; n++) {
        Churn way = ways[n % ways.length];
        RawWsClient c = batch.get(n - first);
        if (way == Churn.JOINED_FIN || way == Churn.JOINED_RST) {
          JsonNode reply = json(c.readText());
          assertThat(reply.get("ok").asBoolean()).as(reply.toString()).isTrue();
          acknowledgedJoins++;
        }
        if (way.name().endsWith("RST")) {
          c.abort();
        } else {
          c.close();
        }
      }
    }
    await("connections back to " + baseOpen, () -> server.gateway.openConnections() == baseOpen);
    await("player handlers back to " + basePlayers, () -> server.gateway.players() == basePlayers);
    await("hunt members back to " + baseBound, () -> server.gateway.boundPlayers() == baseBound);
    await(
        "open files back near " + baseFds,
        () -> {
          try {
            return openFileDescriptors() <= baseFds + 16;
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    witnessesServed();
    try (WsClient newcomer = server.connect()) {
      assertThat(
              newcomer
                  .call("join", ",\"hunt\":\"harbor-run\",\"name\":\"Newcomer\"")
                  .get("ok")
                  .asBoolean())
          .isTrue();
      JsonNode wrong = newcomer.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"candle\"");
      assertThat(wrong.get("correct").asBoolean()).as(wrong.toString()).isFalse();
    }
    int players = playerCount();
    assertThat(players).isGreaterThanOrEqualTo(acknowledgedJoins + witnesses.size() + 1);
    restartAndCheckJournal();
    assertThat(playerCount()).isEqualTo(players);
  }

  // ------------------------------------------------------------------ flood

  @Test
  void answersAFloodInOrderWithOverloadedAndServesOthers() throws Exception {
    startWith(Map.of());
    int requests = 50_000;
    try (RawWsClient flood = RawWsClient.connect(port())) {
      flood.sendText("{\"id\":0,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Flo\"}");
      assertThat(json(flood.readText()).get("ok").asBoolean()).isTrue();
      AtomicReference<IOException> writeFailure = new AtomicReference<>();
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int id = 1; id <= requests; id++) {
                        String request =
                            id % 2 == 0
                                ? "{\"id\":" + id + ",\"op\":\"ping\"}"
                                : "{\"id\":"
                                    + id
                                    + ",\"op\":\"move\",\"lat\":59.3251,\"lon\":18.0711}";
                        flood.writeFrame(RawWsClient.OP_TEXT, bytes(request), id % 256 == 0);
                      }
                      flood.flush();
                    } catch (IOException e) {
                      writeFailure.set(e);
                    }
                  });
      int ok = 0;
      int overloaded = 0;
      for (long id = 1; id <= requests; ) {
        String text = flood.readText();
        if (text.startsWith("{\"ev\"")) {
          continue;
        }
        assertThat(text).startsWith("{\"re\":" + id + ",");
        if (text.contains("\"ok\":true")) {
          ok++;
        } else {
          JsonNode reply = json(text);
          assertThat(reply.get("error").get("code").asText()).as(text).isEqualTo("OVERLOADED");
          assertThat(reply.get("retryAfterMs").asLong()).as(text).isPositive();
          overloaded++;
        }
        id++;
      }
      writer.join(30_000);
      assertThat(writeFailure.get()).isNull();
      assertThat(ok + overloaded).isEqualTo(requests);
      assertThat(overloaded).isPositive();
      assertThat(ok).isPositive();
      witnessesServed();
    }
    restartAndCheckJournal();
  }

  // ------------------------------------------------------------------ a client that never reads

  @Test
  void closesAClientThatNeverReadsWith1008AndBoundsItsQueue() throws Exception {
    startWith(Map.of("outbound-high-water-bytes", "16KiB", "outbound-limit-bytes", "64KiB"));
    int baseBound = server.gateway.boundPlayers();
    int basePlayers = server.gateway.players();
    RawWsClient stalled = RawWsClient.open(port(), 4096);
    try {
      stalled.upgrade();
      stalled.sendText("{\"id\":0,\"op\":\"join\",\"hunt\":\"harbor-run\",\"name\":\"Stall\"}");
      await("the stalled player joined", () -> server.gateway.boundPlayers() == baseBound + 1);

      String message = "Meet at the lighthouse. ".repeat(8);
      while (server.gateway.droppedEvents() == 0) {
        CompletableFuture<String> last = null;
        for (int i = 0; i < 50; i++) {
          last = server.organiser.announce(TestServer.HUNT_ID, message);
        }
        assertThat(last.get(10, TimeUnit.SECONDS)).contains("\"ok\":true");
      }
      witnessesServed();
      assertThat(server.gateway.slowConsumersClosed()).isZero();

      long id = 1;
      try {
        while (server.gateway.slowConsumersClosed() == 0) {
          stalled.sendText("{\"id\":" + id++ + ",\"op\":\"state\"}");
        }
      } catch (IOException closedByServer) {
        // the server closed the connection while we were writing
      }
      await("the slow consumer closed", () -> server.gateway.slowConsumersClosed() == 1);
      assertThat(stalled.awaitClose()).isEqualTo(1008);
    } finally {
      stalled.abort();
    }
    await("players back to " + basePlayers, () -> server.gateway.players() == basePlayers);
    await("hunt members back to " + baseBound, () -> server.gateway.boundPlayers() == baseBound);
    witnessesServed();
    restartAndCheckJournal();
  }
}
