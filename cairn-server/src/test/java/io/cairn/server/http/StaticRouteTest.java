package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticRouteTest {
  /**
   * Files of src/test/resources/static-test, so every route is covered whatever cairn-web holds.
   */
  private final RouteChannel http =
      new RouteChannel(new StaticRoute(new StaticFiles("static-test/")));

  @Test
  void rootServesThePlayerClientOfCairnWeb() throws Exception {
    RouteChannel real = new RouteChannel(new StaticRoute());

    FullHttpResponse response = real.exchange(RouteChannel.get("/"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
        .isEqualTo("text/html; charset=utf-8");
    assertThat(RouteChannel.body(response)).contains("<html");
  }

  @Test
  void vendorLibrariesAreBundled() throws Exception {
    RouteChannel real = new RouteChannel(new StaticRoute());

    for (String path :
        new String[] {
          "/assets/vendor/leaflet/leaflet.js",
          "/assets/vendor/leaflet/leaflet.css",
          "/assets/vendor/leaflet/images/marker-icon.png",
          "/assets/vendor/uplot/uPlot.iife.min.js",
          "/assets/vendor/uplot/uPlot.min.css"
        }) {
      FullHttpResponse response = real.exchange(RouteChannel.get(path));
      assertThat(response.status()).as(path).isEqualTo(HttpResponseStatus.OK);
      assertThat(response.content().readableBytes()).as(path).isGreaterThan(100);
      response.release();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/, text/html; charset=utf-8, player",
    "/?hunt=x, text/html; charset=utf-8, player",
    "/admin, text/html; charset=utf-8, dashboard",
    "/admin/, text/html; charset=utf-8, dashboard",
    "/assets/common/app.js, text/javascript; charset=utf-8, export",
    "/assets/vendor/lib/lib.js?v=2, text/javascript; charset=utf-8, window.lib"
  })
  void pagesAndAssetsAreServedWithTheirType(String uri, String type, String text) throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get(uri));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo(type);
    assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
        .isEqualTo(response.content().readableBytes());
    assertThat(RouteChannel.body(response)).contains(text);
  }

  @Test
  void binaryAssetKeepsItsBytes() throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get("/assets/vendor/lib/icon.png"));

    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("image/png");
    assertThat(response.content().readableBytes()).isEqualTo(4);
    assertThat(response.content().getByte(0)).isEqualTo((byte) 0x89);
    response.release();
  }

  @Test
  void ownFilesAreRevalidatedAndVendorFilesCachedForADay() throws Exception {
    FullHttpResponse page = http.exchange(RouteChannel.get("/"));
    FullHttpResponse own = http.exchange(RouteChannel.get("/assets/common/app.js"));
    FullHttpResponse vendor = http.exchange(RouteChannel.get("/assets/vendor/lib/lib.js"));

    assertThat(page.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
    assertThat(own.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
    assertThat(vendor.headers().get(HttpHeaderNames.CACHE_CONTROL))
        .isEqualTo("public, max-age=86400");
    assertThat(page.headers().get(HttpHeaderNames.ETAG))
        .startsWith("\"")
        .isNotEqualTo(own.headers().get(HttpHeaderNames.ETAG));
    page.release();
    own.release();
    vendor.release();
  }

  @Test
  void matchingEtagAnswersNotModifiedWithoutBody() throws Exception {
    FullHttpResponse first = http.exchange(RouteChannel.get("/assets/common/app.js"));
    String etag = first.headers().get(HttpHeaderNames.ETAG);
    first.release();
    FullHttpRequest again = RouteChannel.get("/assets/common/app.js");
    again.headers().set(HttpHeaderNames.IF_NONE_MATCH, etag);

    FullHttpResponse response = http.exchange(again);

    assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_MODIFIED);
    assertThat(response.content().readableBytes()).isZero();
    assertThat(response.headers().get(HttpHeaderNames.ETAG)).isEqualTo(etag);
    response.release();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/index.html",
        "/admin.html",
        "/admin/x",
        "/missing.html",
        "/assets/missing.js",
        "/assets/",
        "/assets/../index.html",
        "/assets/%2e%2e/index.html",
        "/assets/..%2findex.html",
        "/assets/common/../../admin.html",
        "/assets//common/app.js",
        "/assets/./common/app.js",
        "/assets/common\\app.js",
        "/assets/common/app",
        "/assets/common/app.exe",
        "/../openapi.yaml",
        "/static-test/index.html",
        "/io/cairn/server/openapi.yaml"
      })
  void refusesOtherPathsAndEscapes(String uri) throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get(uri));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(RouteChannel.body(response)).doesNotContain("openapi: 3.1", "<title>");
  }

  @Test
  void missingDashboardPageIs404() throws Exception {
    RouteChannel empty = new RouteChannel(new StaticRoute(new StaticFiles("no-such-folder/")));

    assertThat(empty.exchange(RouteChannel.get("/admin")).status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
  }

  @Test
  void leavesOtherMethodsToTheRouter() {
    assertThat(new StaticRoute().handle(null, RouteChannel.request(HttpMethod.POST, "/", "")))
        .isFalse();
  }

  @Test
  void contentTypesByExtension() {
    assertThat(StaticFiles.contentType("app.js")).contains("text/javascript; charset=utf-8");
    assertThat(StaticFiles.contentType("a/b.CSS")).contains("text/css; charset=utf-8");
    assertThat(StaticFiles.contentType("a/b.woff2")).contains("font/woff2");
    assertThat(StaticFiles.contentType("a/b.svg")).contains("image/svg+xml");
    assertThat(StaticFiles.contentType("a.b/c")).isEmpty();
    assertThat(StaticFiles.contentType("x.exe")).isEmpty();
  }
}
