package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticRouteTest {
  private final RouteChannel http = new RouteChannel(new StaticRoute());

  @Test
  void rootServesIndexHtmlThatReadsTheCatalog() throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get("/"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
        .isEqualTo("text/html; charset=utf-8");
    assertThat(RouteChannel.body(response)).contains("<html", "/api/hunts");
  }

  @Test
  void namedFileIsServedWithItsType() throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get("/index.html?v=1"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
        .isEqualTo(response.content().readableBytes());
    response.release();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/missing.html",
        "/../openapi.yaml",
        "/%2e%2e/openapi.yaml",
        "/..%2fopenapi.yaml",
        "/web/../../openapi.yaml",
        "//etc/passwd.txt",
        "/.%2Findex.html",
        "/..\\openapi.yaml",
        "/io/cairn/server/web/index.html",
        "/noextension"
      })
  void refusesMissingFilesAndEscapes(String uri) throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get(uri));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(RouteChannel.body(response)).doesNotContain("openapi: 3.1");
  }

  @Test
  void leavesOtherMethodsToTheRouter() {
    assertThat(new StaticRoute().handle(null, RouteChannel.request(HttpMethod.POST, "/", "")))
        .isFalse();
  }

  @Test
  void contentTypesByExtension() {
    assertThat(StaticRoute.contentType("app.js")).contains("text/javascript; charset=utf-8");
    assertThat(StaticRoute.contentType("a/b.CSS")).contains("text/css; charset=utf-8");
    assertThat(StaticRoute.contentType("a.b/c")).isEmpty();
    assertThat(StaticRoute.contentType("x.exe")).isEmpty();
  }
}
