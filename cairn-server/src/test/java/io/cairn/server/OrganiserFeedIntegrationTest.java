package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.command.Op;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's endpoints over real loopback sockets: event stream, map, history, health. */
class OrganiserFeedIntegrationTest {
  private static final String TOKEN = "dashboard-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);

  @TempDir Path data;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.startWithAdmin(
                data, Map.of("outbound-high-water-bytes", "4KiB", "fsync", "never"), TOKEN)
            .withHunt();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.httpUrl(path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path, TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Joins a player and moves it to a spot; returns the open connection. */
  private WsClient player(String name, double lat, double lon) throws Exception {
    WsClient ws = server.connect();
    JsonNode joined =
        ws.call("join", ",\"hunt\":\"harbor-run\",\"name\":\"" + name + "\",\"team\":\"\"");
    assertThat(joined.get("ok").asBoolean()).as(joined.toString()).isTrue();
    JsonNode moved = ws.call("move", ",\"lat\":" + lat + ",\"lon\":" + lon);
    assertThat(moved.get("ok").asBoolean()).as(moved.toString()).isTrue();
    return ws;
  }

  @Test
  void everyDashboardEndpointNeedsTheAdminToken() throws Exception {
    for (String path :
        List.of(
            "/admin/health",
            "/admin/hunts/harbor-run/events",
            "/admin/hunts/harbor-run/map",
            "/admin/hunts/harbor-run/history")) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, TOKEN + "x").statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get("/admin/hunts/nope/events", TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/admin/hunts/nope/map", TOKEN).statusCode()).isEqualTo(404);
    assertThat(get("/admin/hunts/harbor-run/map?cellM=2", TOKEN).statusCode()).isEqualTo(400);
    assertThat(get("/admin/hunts/harbor-run/map?maxAgeS=x", TOKEN).statusCode()).isEqualTo(400);
    assertThat(get("/admin/hunts/harbor-run/map?maxAgeS=-1", TOKEN).statusCode()).isEqualTo(400);
    assertThat(get("/admin/hunts/harbor-run/map?cellM=99999999999", TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(get("/admin/hunts/harbor-run/map?cellM=2", TOKEN).body())
        .contains("cellM must be 5-100000");
    assertThat(get("/admin/health?after=soon", TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void streamsTheHuntsEventsAsThePlayersGetThem() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.httpUrl("/admin/hunts/harbor-run/events")))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/event-stream");
    try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        WsClient ada = player("Ada", 59.3260, 18.0725)) {
      await("the stream is subscribed", () -> server.gateway.organiserFeed().subscribers() == 1);
      JsonNode claim = ada.call("claim", ",\"treasure\":\"boathouse\",\"code\":\"\"");
      assertThat(claim.get("ok").asBoolean()).as(claim.toString()).isTrue();
      server.organiser.announce("harbor-run", "Tea at the lighthouse").get(5, TimeUnit.SECONDS);

      List<JsonNode> events = new ArrayList<>();
      while (events.stream().noneMatch(e -> e.get("ev").asText().equals("announce"))
          || events.stream().noneMatch(e -> e.get("ev").asText().equals("board"))) {
        String line = lines.readLine();
        assertThat(line).as("stream ended early after " + events).isNotNull();
        if (line.startsWith("data: ")) {
          events.add(JSON.readTree(line.substring(6)));
        } else {
          assertThat(line).matches("(:.*)?");
        }
      }
      JsonNode claimed =
          events.stream().filter(e -> e.get("ev").asText().equals("claimed")).findFirst().get();
      assertThat(claimed.get("treasure").asText()).isEqualTo("boathouse");
      assertThat(claimed.get("team").asText()).isEqualTo("Ada");
      JsonNode board =
          events.stream().filter(e -> e.get("ev").asText().equals("board")).findFirst().get();
      assertThat(board.at("/top/0/team").asText()).isEqualTo("Ada");
      assertThat(
              events.stream()
                  .filter(e -> e.get("ev").asText().equals("announce"))
                  .findFirst()
                  .get()
                  .get("message")
                  .asText())
          .isEqualTo("Tea at the lighthouse");
    }
    await(
        "the closed stream is unsubscribed",
        () -> server.gateway.organiserFeed().subscribers() == 0);
  }

  @Test
  void aNewStreamStartsWithTheHuntsRecentEvents() throws Exception {
    try (WsClient ada = player("Ada", 59.3260, 18.0725)) {
      JsonNode claim = ada.call("claim", ",\"treasure\":\"boathouse\",\"code\":\"\"");
      assertThat(claim.get("ok").asBoolean()).as(claim.toString()).isTrue();
      ada.event("board");
    }
    server.organiser.announce("harbor-run", "Halfway there").get(5, TimeUnit.SECONDS);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.httpUrl("/admin/hunts/harbor-run/events")))
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      List<String> names = new ArrayList<>();
      while (!names.contains("announce")) {
        String line = lines.readLine();
        assertThat(line).as("stream ended early after " + names).isNotNull();
        if (line.startsWith("data: ")) {
          names.add(JSON.readTree(line.substring(6)).get("ev").asText());
        }
      }
      // the hunt's start (TestServer.withHunt), the claim, the announcement; boards are history
      assertThat(names).containsExactly("hunt", "claimed", "announce");
    }
  }

  @Test
  void dropsAStreamWhoseReaderFallsBehindInsteadOfBufferingForIt() throws Exception {
    OrganiserFeed feed = server.gateway.organiserFeed();
    try (Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
      OutputStream out = slow.getOutputStream();
      out.write(
          ("GET /admin/hunts/harbor-run/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + TOKEN
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await("the stream is subscribed", () -> feed.subscribers() == 1);
      String message = "x".repeat(900);
      long deadline = System.nanoTime() + WAIT_NS;
      while (feed.slowSubscribersDropped() == 0) {
        assertThat(System.nanoTime()).as("the slow stream was never dropped").isLessThan(deadline);
        List<java.util.concurrent.CompletableFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          sent.add(server.organiser.announce("harbor-run", message));
        }
        for (var reply : sent) {
          reply.get(10, TimeUnit.SECONDS);
        }
      }
      await("the dropped stream is unsubscribed", () -> feed.subscribers() == 0);
    }
    // the hunt and a new, reading stream are unaffected
    HttpResponse<String> history = get("/admin/hunts/harbor-run/history", TOKEN);
    assertThat(history.statusCode()).isEqualTo(200);
  }

  @Test
  void mapCountsPlayersPerCellAndClaimsPerTreasure() throws Exception {
    try (WsClient ada = player("Ada", 59.32600, 18.07250);
        WsClient bo = player("Bo", 59.32601, 18.07251);
        WsClient cy = player("Cy", 59.34000, 18.10000)) {
      JsonNode claim = ada.call("claim", ",\"treasure\":\"boathouse\",\"code\":\"\"");
      assertThat(claim.get("ok").asBoolean()).as(claim.toString()).isTrue();

      JsonNode map = getJson("/admin/hunts/harbor-run/map?cellM=100");

      assertThat(map.get("players").asInt()).isEqualTo(3);
      assertThat(map.at("/density/cellM").asInt()).isEqualTo(100);
      assertThat(map.at("/density/positioned").asInt()).isEqualTo(3);
      List<Integer> counts = new ArrayList<>();
      map.at("/density/cells").forEach(c -> counts.add(c.get("players").asInt()));
      assertThat(counts).containsExactlyInAnyOrder(2, 1);
      for (JsonNode treasure : map.get("treasures")) {
        int expected = treasure.get("id").asText().equals("boathouse") ? 1 : 0;
        assertThat(treasure.get("claims").asInt()).as(treasure.toString()).isEqualTo(expected);
        assertThat(treasure.has("lat") && treasure.has("lon")).isTrue();
      }
      assertThat(bo.call("ping").get("ok").asBoolean()).isTrue();
      assertThat(cy.call("ping").get("ok").asBoolean()).isTrue();
    }
  }

  @Test
  void historyKeepsTheBoardsThePlayersWereShown() throws Exception {
    assertThat(getJson("/admin/hunts/harbor-run/history").get("samples")).isEmpty();
    try (WsClient ada = player("Ada", 59.32600, 18.07250)) {
      ada.call("claim", ",\"treasure\":\"boathouse\",\"code\":\"\"");
      ada.event("board");
    }
    JsonNode history = getJson("/admin/hunts/harbor-run/history");
    assertThat(history.get("sampleMs").asLong()).isEqualTo(OrganiserFeed.HISTORY_SAMPLE_MS);
    JsonNode last = history.get("samples").get(history.get("samples").size() - 1);
    assertThat(last.get("ev").asText()).isEqualTo("board");
    assertThat(last.at("/top/0/team").asText()).isEqualTo("Ada");
    assertThat(last.at("/top/0/score").asLong()).isPositive();
    assertThat(last.get("at").asLong()).isPositive();
  }

  @Test
  void healthReportsSamplesFromTheMetricsRegistry() throws Exception {
    try (WsClient ada = player("Ada", 59.32600, 18.07250)) {
      long deadline = System.nanoTime() + WAIT_NS;
      JsonNode health = getJson("/admin/health");
      while (!hasValue(health.get("requestsPerS")) || !hasValue(health.get("latencyP99Ms"))) {
        assertThat(System.nanoTime()).as(health.toString()).isLessThan(deadline);
        ada.call("ping");
        health = getJson("/admin/health");
      }
      assertThat(health.get("intervalMs").asLong()).isEqualTo(1000);
      int n = health.get("t").size();
      assertThat(health.get("connections").get(n - 1).asLong()).isPositive();
      assertThat(health.get("heapUsedBytes").get(n - 1).asLong()).isPositive();
      long lastT = health.get("t").get(n - 1).asLong();
      assertThat(getJson("/admin/health?after=" + lastT).get("t")).hasSizeLessThan(n);
    }
    assertThat(server.organiser.lifecycle("harbor-run", Op.PAUSE).get(5, TimeUnit.SECONDS))
        .contains("\"ok\":true");
  }

  private static boolean hasValue(JsonNode column) {
    for (JsonNode value : column) {
      if (!value.isNull() && value.asDouble() > 0) {
        return true;
      }
    }
    return false;
  }
}
