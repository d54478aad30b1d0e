package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class OpenApiRouteTest {
  @Test
  void servesTheDocument() throws Exception {
    RouteChannel http = new RouteChannel(new OpenApiRoute());

    FullHttpResponse response = http.exchange(RouteChannel.get("/openapi.yaml"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(RouteChannel.body(response)).startsWith("openapi: 3.1.0");
  }

  @Test
  void everyRoutePathIsDocumentedAndNothingElse() throws Exception {
    List<String> code = new ArrayList<>();
    code.addAll(HealthRoutes.PATHS);
    code.addAll(CatalogRoute.PATHS);
    code.addAll(ClientConfigRoute.PATHS);
    code.addAll(MetricsRoute.PATHS);
    code.addAll(OpenApiRoute.PATHS);
    code.addAll(AdminRoute.PATHS);
    code.addAll(BenchRoute.PATHS);
    code.addAll(StaticRoute.PATHS);
    RouteChannel http = new RouteChannel(new OpenApiRoute());
    String text = RouteChannel.body(http.exchange(RouteChannel.get("/openapi.yaml")));

    Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
    Map<?, ?> paths = (Map<?, ?>) document.get("paths");

    assertThat(document.get("openapi")).isEqualTo("3.1.0");
    assertThat(new ArrayList<Object>(paths.keySet())).containsExactlyInAnyOrderElementsOf(code);
  }
}
