package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.veltrix.settings.ServerSettings;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientConfigRouteTest {
  @Test
  void servesTheMapSettings() throws Exception {
    ServerSettings settings =
        ServerSettings.load(
            Optional.empty(),
            Map.of(),
            Map.of("map-tiles-url", "/tiles/{z}/{x}/{y}.png", "map-attribution", "\"Ours\" & co"));
    RouteChannel http = new RouteChannel(ClientConfigRoute.from(settings));

    FullHttpResponse response = http.exchange(RouteChannel.get("/api/client-config"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    JsonNode json = new ObjectMapper().readTree(RouteChannel.body(response));
    assertThat(json.get("mapTilesUrl").asText()).isEqualTo("/tiles/{z}/{x}/{y}.png");
    assertThat(json.get("mapAttribution").asText()).isEqualTo("\"Ours\" & co");
  }

  @Test
  void defaultsToOpenStreetMap() throws Exception {
    ServerSettings settings = ServerSettings.load(Optional.empty(), Map.of(), Map.of());
    RouteChannel http = new RouteChannel(ClientConfigRoute.from(settings));

    JsonNode json =
        new ObjectMapper()
            .readTree(RouteChannel.body(http.exchange(RouteChannel.get("/api/client-config"))));

    assertThat(json.get("mapTilesUrl").asText())
        .isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    assertThat(json.get("mapAttribution").asText()).contains("OpenStreetMap");
  }

  @Test
  void otherMethodsAreRefusedAndOtherPathsLeft() throws Exception {
    RouteChannel http = new RouteChannel(new ClientConfigRoute("", ""));

    assertThat(
            http.exchange(RouteChannel.request(HttpMethod.POST, "/api/client-config", "")).status())
        .isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
    assertThat(new ClientConfigRoute("", "").handle(null, RouteChannel.get("/api/hunts")))
        .isFalse();
  }
}
