package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.hunt.HuntStatus;
import io.cairn.server.OrganiserFeed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminRouteTest {
  private static final String TOKEN = "test-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private EngineFixture fixture;
  private RouteChannel http;

  @BeforeEach
  void start() {
    fixture = new EngineFixture(dir);
    http =
        new RouteChannel(
            new AdminRoute(
                new AdminToken(TOKEN, false),
                fixture.engine.directory(),
                fixture.organiser,
                new OrganiserFeed(),
                new HealthHistory(new SimpleMeterRegistry(), System::currentTimeMillis)));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static FullHttpRequest admin(HttpMethod method, String uri, String body) {
    FullHttpRequest request = RouteChannel.request(method, uri, body);
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
    return request;
  }

  private Answer call(HttpMethod method, String uri, String body) throws Exception {
    FullHttpResponse response = http.exchange(admin(method, uri, body));
    HttpResponseStatus status = response.status();
    return new Answer(status, JSON.readTree(RouteChannel.body(response)));
  }

  private record Answer(HttpResponseStatus status, JsonNode json) {}

  @Test
  void dashboardPageIsLeftToTheStaticRouteWithoutToken() throws Exception {
    AdminRoute route =
        new AdminRoute(
            new AdminToken(TOKEN, false),
            fixture.engine.directory(),
            fixture.organiser,
            new OrganiserFeed(),
            new HealthHistory(new SimpleMeterRegistry(), System::currentTimeMillis));

    assertThat(route.handle(null, RouteChannel.get("/admin"))).isFalse();
    assertThat(route.handle(null, RouteChannel.get("/admin/?x=1"))).isFalse();
    assertThat(http.exchange(RouteChannel.request(HttpMethod.POST, "/admin", "")).status())
        .isEqualTo(HttpResponseStatus.UNAUTHORIZED);
    assertThat(http.exchange(RouteChannel.get("/admin/hunts/")).status())
        .isEqualTo(HttpResponseStatus.UNAUTHORIZED);
  }

  @Test
  void refusesMissingOrWrongToken() throws Exception {
    FullHttpResponse none = http.exchange(RouteChannel.get("/admin/hunts"));
    assertThat(none.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
    assertThat(none.headers().get(HttpHeaderNames.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    none.release();

    FullHttpRequest wrong = RouteChannel.get("/admin/hunts");
    wrong.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN + "x");
    assertThat(http.exchange(wrong).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);

    FullHttpRequest basic = RouteChannel.get("/admin/hunts");
    basic.headers().set(HttpHeaderNames.AUTHORIZATION, "Basic " + TOKEN);
    assertThat(http.exchange(basic).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
  }

  @Test
  void validateOnlyReturnsProblemsWithPositions() throws Exception {
    Answer bad = call(HttpMethod.POST, "/admin/hunts?validate=true", "id: x\ntitle: [\n");
    assertThat(bad.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(bad.json().get("valid").asBoolean()).isFalse();
    JsonNode problem = bad.json().get("problems").get(0);
    assertThat(problem.get("line").asInt()).isPositive();
    assertThat(problem.has("column")).isTrue();
    assertThat(problem.has("key")).isTrue();
    assertThat(problem.get("message").asText()).isNotEmpty();

    Answer good = call(HttpMethod.POST, "/admin/hunts?validate=true", TestHunt.yaml("alpha", 10));
    assertThat(good.json().get("valid").asBoolean()).isTrue();
    assertThat(fixture.engine.directory().size()).isZero();
  }

  @Test
  void invalidUploadIs422WithProblems() throws Exception {
    Answer answer = call(HttpMethod.POST, "/admin/hunts", "title: no id\n");

    assertThat(answer.status()).isEqualTo(HttpResponseStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.json().get("problems")).isNotEmpty();
  }

  @Test
  void uploadLoadsThenListsTheHunt() throws Exception {
    Answer loaded = call(HttpMethod.POST, "/admin/hunts", TestHunt.yaml("alpha", 10));
    assertThat(loaded.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(loaded.json().get("ok").asBoolean()).isTrue();
    fixture.client.open().join("alpha", "ada", "red").get(10, TimeUnit.SECONDS);

    Answer list = call(HttpMethod.GET, "/admin/hunts", "");

    assertThat(list.status()).isEqualTo(HttpResponseStatus.OK);
    JsonNode hunt = list.json().get(0);
    assertThat(hunt.get("id").asText()).isEqualTo("alpha");
    assertThat(hunt.get("players").asInt()).isEqualTo(1);
    assertThat(hunt.get("teams").asInt()).isEqualTo(1);
    assertThat(hunt.has("status")).isTrue();
  }

  @Test
  void unsafeReloadIs409UntilForced() throws Exception {
    assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/start", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    var player = fixture.client.open();
    player.join("alpha", "ada", "red").get(10, TimeUnit.SECONDS);
    assertThat(player.guess("p1", "one").get(10, TimeUnit.SECONDS)).contains("\"ok\":true");

    Answer refused = call(HttpMethod.POST, "/admin/hunts", TestHunt.yaml("alpha", 99));
    assertThat(refused.status()).isEqualTo(HttpResponseStatus.CONFLICT);
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("RELOAD_REFUSED");

    Answer forced = call(HttpMethod.POST, "/admin/hunts?force=true", TestHunt.yaml("alpha", 99));
    assertThat(forced.status()).isEqualTo(HttpResponseStatus.OK);
  }

  @Test
  void lifecycleMovesTheHuntAndRefusesBadTransitions() throws Exception {
    assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");

    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/start", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/pause", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    assertThat(fixture.engine.directory().find("alpha").orElseThrow().status())
        .isEqualTo(HuntStatus.PAUSED);
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/resume", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/end", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    Answer again = call(HttpMethod.POST, "/admin/hunts/alpha/pause", "");
    assertThat(again.status()).isEqualTo(HttpResponseStatus.CONFLICT);
    assertThat(again.json().at("/error/code").asText()).isEqualTo("INVALID_TRANSITION");
  }

  @Test
  void announceTakesTextOrJsonAndReachesPlayers() throws Exception {
    assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");
    var player = fixture.client.open();
    player.join("alpha", "ada", "red").get(10, TimeUnit.SECONDS);

    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/announce", "Lunch at noon").status())
        .isEqualTo(HttpResponseStatus.OK);
    assertThat(
            call(
                    HttpMethod.POST,
                    "/admin/hunts/alpha/announce",
                    "{\"message\": \"Tea \\\"now\\\"\"}")
                .status())
        .isEqualTo(HttpResponseStatus.OK);
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/announce", "{}").status())
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);

    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 10 && !events.toString().contains("Tea"); i++) {
      String event = player.events().poll(1, TimeUnit.SECONDS);
      if (event != null) {
        events.append(event);
      }
    }
    assertThat(events.toString()).contains("Lunch at noon", "Tea \\\"now\\\"");
  }

  @Test
  void unknownHuntAndUnknownEndpointAre404() throws Exception {
    assertThat(call(HttpMethod.POST, "/admin/hunts/nope/start", "").status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(call(HttpMethod.POST, "/admin/hunts/nope/fly", "").status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(call(HttpMethod.GET, "/admin/other", "").status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(call(HttpMethod.GET, "/admin/hunts/alpha/start", "").status())
        .isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void boardReadsTheTopWithoutJoiningTheHunt() throws Exception {
    assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");
    assertThat(call(HttpMethod.POST, "/admin/hunts/alpha/start", "").status())
        .isEqualTo(HttpResponseStatus.OK);
    var ada = fixture.client.open();
    ada.join("alpha", "ada", "red").get(10, TimeUnit.SECONDS);
    fixture.client.open().join("alpha", "bo", "blue").get(10, TimeUnit.SECONDS);
    assertThat(ada.guess("p1", "one").get(10, TimeUnit.SECONDS)).contains("\"ok\":true");

    Answer board = call(HttpMethod.GET, "/admin/hunts/alpha/board?limit=1", "");

    assertThat(board.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(board.json().get("teams").asInt()).isEqualTo(2);
    assertThat(board.json().get("top")).hasSize(1);
    assertThat(board.json().at("/top/0/team").asText()).isEqualTo("red");
    assertThat(board.json().at("/top/0/score").asLong()).isEqualTo(10);
    assertThat(call(HttpMethod.GET, "/admin/hunts/alpha/board", "").json().get("top")).hasSize(2);
    assertThat(fixture.engine.directory().find("alpha").orElseThrow().playerCount()).isEqualTo(2);
    assertThat(call(HttpMethod.GET, "/admin/hunts/alpha/board?limit=0", "").status())
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.GET, "/admin/hunts/alpha/board?limit=x", "").status())
        .isEqualTo(HttpResponseStatus.BAD_REQUEST);
    assertThat(call(HttpMethod.GET, "/admin/hunts/nope/board", "").status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
  }

  @Test
  void announceBodyReadsJsonEscapes() {
    assertThat(AnnounceBody.jsonMessage("{\"message\":\"a\\nb\\u00e9\"}")).isEqualTo("a\nbé");
    assertThat(AnnounceBody.jsonMessage("{\"message\": 3}")).isEmpty();
    assertThat(AnnounceBody.jsonMessage("{\"message\":\"open")).isEmpty();
  }
}
