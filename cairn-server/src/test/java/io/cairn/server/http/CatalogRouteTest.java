package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRouteTest {
  @Test
  void listsEveryHuntWithStatusTimesAndPlayers(@TempDir Path dir) throws Exception {
    try (EngineFixture fixture = new EngineFixture(dir)) {
      assertThat(fixture.load("beta", 10)).contains("\"ok\":true");
      assertThat(fixture.load("alpha", 10)).contains("\"ok\":true");
      fixture.client.open().join("alpha", "ada", "red").get(10, TimeUnit.SECONDS);
      RouteChannel http = new RouteChannel(new CatalogRoute(fixture.engine.directory()));

      FullHttpResponse response = http.exchange(RouteChannel.get("/api/hunts"));

      assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
      JsonNode hunts = new ObjectMapper().readTree(RouteChannel.body(response));
      assertThat(hunts).hasSize(2);
      JsonNode alpha = hunts.get(0);
      assertThat(alpha.get("id").asText()).isEqualTo("alpha");
      assertThat(alpha.get("title").asText()).isEqualTo("Test Hunt");
      assertThat(alpha.get("status").asText()).isIn("scheduled", "running");
      assertThat(alpha.get("startsAt").isNull()).isTrue();
      assertThat(alpha.get("endsAt").isNull()).isTrue();
      assertThat(hunts.get(1).get("id").asText()).isEqualTo("beta");
    }
  }

  @Test
  void centerIsTheTreasuresMeanRoundedAndNullWithoutTreasures() {
    Json json = new Json().startArray();
    CatalogRoute.center(json, io.cairn.veltrix.HuntFiles.compile("t", HUNT_WITH_TREASURES));
    CatalogRoute.center(json, io.cairn.veltrix.HuntFiles.compile("t", HUNT_WITHOUT_TREASURES));

    assertThat(json.endArray().toString()).isEqualTo("[{\"lat\":59.326,\"lon\":18.072},null]");
  }

  private static final String HUNT_WITHOUT_TREASURES =
      """
      id: bare
      title: Bare
      puzzles:
        - id: p
          title: P
          text: Q?
          points: 10
          answers: [a]
      """;

  private static final String HUNT_WITH_TREASURES =
      HUNT_WITHOUT_TREASURES
          + """
          treasures:
            - id: a
              name: A
              lat: 59.3251
              lon: 18.0711
              radius-m: 25
              points: 10
            - id: b
              name: B
              lat: 59.3261
              lon: 18.0725
              radius-m: 25
              points: 10
          """;

  @Test
  void showsWhenAHuntActuallyStartedOnceAnOrganiserStartedIt(@TempDir Path dir) throws Exception {
    try (EngineFixture fixture = new EngineFixture(dir)) {
      assertThat(fixture.load("gamma", 10)).contains("\"ok\":true");
      long beforeMs = System.currentTimeMillis();
      assertThat(
              fixture
                  .client
                  .open()
                  .lifecycle("gamma", io.cairn.engine.command.Op.START)
                  .get(10, TimeUnit.SECONDS))
          .contains("\"ok\":true");
      RouteChannel http = new RouteChannel(new CatalogRoute(fixture.engine.directory()));

      JsonNode gamma =
          new ObjectMapper()
              .readTree(RouteChannel.body(http.exchange(RouteChannel.get("/api/hunts"))))
              .get(0);

      assertThat(gamma.get("status").asText()).isEqualTo("running");
      assertThat(gamma.get("startsAt").asLong()).isBetween(beforeMs, System.currentTimeMillis());
      assertThat(gamma.get("endsAt").isNull()).isTrue();
    }
  }

  @Test
  void emptyCatalogIsAnEmptyArray(@TempDir Path dir) throws Exception {
    try (EngineFixture fixture = new EngineFixture(dir)) {
      RouteChannel http = new RouteChannel(new CatalogRoute(fixture.engine.directory()));

      assertThat(RouteChannel.body(http.exchange(RouteChannel.get("/api/hunts?x=1"))))
          .isEqualTo("[]");
    }
  }
}
