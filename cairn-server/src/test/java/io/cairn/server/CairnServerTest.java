package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnServerTest {
  @TempDir Path data;

  private static final GatewayLimits LIMITS =
      new GatewayLimits(4096, 2, 64 * 1024, 256 * 1024, 50, 60_000_000_000L);

  @Test
  void refusesAPortInUseNamingIt() throws Exception {
    try (TestServer first = TestServer.start(data)) {
      int port = first.server.port();
      assertThatThrownBy(
              () -> CairnServer.start("127.0.0.1", port, first.gateway, List.of(), LIMITS))
          .isInstanceOf(ServerException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("--port");
    }
  }

  @Test
  void routesRequestsAndAnswers404WhenNoRouteTakesThem() throws Exception {
    HttpRoute hello =
        (ctx, request) -> {
          if (!request.uri().equals("/hello")) {
            return false;
          }
          var response =
              new DefaultFullHttpResponse(
                  HttpVersion.HTTP_1_1,
                  HttpResponseStatus.OK,
                  ByteBufUtil.writeAscii(ctx.alloc(), "hi"));
          response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 2);
          ctx.writeAndFlush(response);
          return true;
        };
    try (TestServer base = TestServer.start(data);
        CairnServer server =
            CairnServer.start("127.0.0.1", 0, base.gateway, List.of(hello), LIMITS)) {
      HttpClient http = HttpClient.newHttpClient();
      String root = "http://127.0.0.1:" + server.port();
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(URI.create(root + "/hello")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("hi");
      HttpResponse<String> missing =
          http.send(
              HttpRequest.newBuilder(URI.create(root + "/nothing")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void printsConnectableUrlsForTheWildcardAddressAndForARealOne() throws Exception {
    try (TestServer base = TestServer.start(data);
        CairnServer any = CairnServer.start("0.0.0.0", 0, base.gateway, List.of(), LIMITS)) {
      assertThat(any.boundToAllInterfaces()).isTrue();
      assertThat(any.httpUrl()).isEqualTo("http://localhost:" + any.port() + "/");
      assertThat(any.websocketUrl()).isEqualTo("ws://localhost:" + any.port() + "/ws");
      assertThat(base.server.boundToAllInterfaces()).isFalse();
      assertThat(base.server.websocketUrl())
          .isEqualTo("ws://127.0.0.1:" + base.server.port() + "/ws");
      try (WsClient player = WsClient.connect(any.websocketUrl())) {
        assertThat(player.call("ping").get("ok").asBoolean()).isTrue();
      }
    }
  }
}
