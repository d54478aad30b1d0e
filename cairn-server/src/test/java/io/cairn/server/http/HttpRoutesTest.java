package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.server.HttpRoute;
import io.cairn.server.OrganiserFeed;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpRoutesTest {
  @Test
  void standardRoutesServeEachPathOnce(@TempDir Path dir) throws Exception {
    try (EngineFixture fixture = new EngineFixture(dir);
        ServerMetrics metrics = new ServerMetrics().bind(fixture.engine)) {
      RouteChannel http =
          new RouteChannel(
              HttpRoutes.standard(
                      fixture.engine,
                      () -> true,
                      metrics,
                      new AdminToken("t0ken-t0ken-t0ken", false),
                      fixture.organiser,
                      new ClientConfigRoute("/tiles/{z}/{x}/{y}.png", "test tiles"),
                      new OrganiserFeed(),
                      dir.resolve("bench-out"))
                  .toArray(HttpRoute[]::new));

      assertThat(status(http, "/healthz")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/readyz")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/metrics")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/api/hunts")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/api/client-config")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/openapi.yaml")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/admin/hunts")).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
      assertThat(status(http, "/admin/bench")).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
      assertThat(status(http, "/")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/assets/common/cairn-client.js")).isEqualTo(HttpResponseStatus.OK);
      assertThat(status(http, "/assets/vendor/leaflet/leaflet.js"))
          .isEqualTo(HttpResponseStatus.OK);
      // The dashboard page is public (the static route has it, or 404 without the page).
      assertThat(status(http, "/admin")).isNotEqualTo(HttpResponseStatus.UNAUTHORIZED);
      assertThat(status(http, "/app.css")).isEqualTo(HttpResponseStatus.NOT_FOUND);
      assertThat(http.exchange(RouteChannel.request(HttpMethod.DELETE, "/", "")).status())
          .isEqualTo(HttpResponseStatus.NOT_FOUND);
    }
  }

  private static HttpResponseStatus status(RouteChannel http, String uri) throws Exception {
    var response = http.exchange(RouteChannel.get(uri));
    HttpResponseStatus status = response.status();
    response.release();
    return status;
  }
}
