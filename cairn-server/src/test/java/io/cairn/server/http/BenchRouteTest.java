package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRouteTest {
  private static final String TOKEN = "test-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path benchDir;
  private RouteChannel http;

  @BeforeEach
  void start() throws Exception {
    benchDir = Files.createDirectories(dir.resolve("bench-out"));
    Path single = Files.createDirectories(benchDir.resolve("run-1"));
    Files.writeString(
        single.resolve("summary.json"),
        """
        {"date": "2026-12-06T19:00:00Z", "target": "cairn", "command": "cairn bench",
         "players": {"connected": 1000}, "throughput": {"offeredPerS": 2000.0, "achievedPerS": 1999.5},
         "requests": {"errors": 0}, "latencyMs": {"all": {"count": 10, "p50": 0.9, "p99": 4.25}},
         "server": {"allocatedBytesPerRequest": 383.0}}
        """);
    Files.writeString(single.resolve("report.html"), "<!DOCTYPE html><h1>Cairn bench: cairn</h1>");
    Path both = Files.createDirectories(benchDir.resolve("sat.2"));
    Files.writeString(
        both.resolve("summary.json"),
        """
        {"date": "2026-12-06T20:00:00Z", "target": "both", "throughputRatioToEcho": 0.757,
         "echo": {"throughput": {"achievedPerS": 60000.0}},
         "cairn": {"players": {"connected": 2000}, "throughput": {"achievedPerS": 45420.0}}}
        """);
    Files.createDirectories(benchDir.resolve("not-a-run"));
    Files.writeString(dir.resolve("secret.html"), "outside");
    http = new RouteChannel(new BenchRoute(new AdminToken(TOKEN, false), benchDir));
  }

  private FullHttpResponse get(String uri) throws Exception {
    FullHttpRequest request = RouteChannel.get(uri);
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
    return http.exchange(request);
  }

  @Test
  void listsRunsWithSummaryNewestFirstWithTheirHeadlineFigures() throws Exception {
    FullHttpResponse response = get("/admin/bench");

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    JsonNode list = JSON.readTree(RouteChannel.body(response));
    assertThat(list.path("dir").asText()).isEqualTo(benchDir.toAbsolutePath().toString());
    JsonNode runs = list.path("runs");
    assertThat(runs).hasSize(2);
    JsonNode sat = runs.get(0);
    assertThat(sat.path("run").asText()).isEqualTo("sat.2");
    assertThat(sat.path("target").asText()).isEqualTo("both");
    assertThat(sat.path("achievedPerS").asDouble()).isEqualTo(45420.0); // Cairn's, not echo's
    assertThat(sat.path("throughputRatioToEcho").asDouble()).isEqualTo(0.757);
    assertThat(sat.path("report").asBoolean()).isFalse();
    JsonNode one = runs.get(1);
    assertThat(one.path("run").asText()).isEqualTo("run-1");
    assertThat(one.path("report").asBoolean()).isTrue();
    assertThat(one.path("players").asInt()).isEqualTo(1000);
    assertThat(one.path("p99Ms").asDouble()).isEqualTo(4.25);
    assertThat(one.path("allocatedBytesPerRequest").asDouble()).isEqualTo(383.0);
    assertThat(one.has("throughputRatioToEcho")).isFalse();
  }

  @Test
  void listOfAMissingDirectoryIsEmpty() throws Exception {
    RouteChannel none =
        new RouteChannel(new BenchRoute(new AdminToken(TOKEN, false), dir.resolve("nothing")));
    FullHttpRequest request = RouteChannel.get("/admin/bench/");
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN);

    FullHttpResponse response = none.exchange(request);

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(JSON.readTree(RouteChannel.body(response)).path("runs")).isEmpty();
  }

  @Test
  void servesOneRunsReportAsAPageThatCannotRunAnything() throws Exception {
    FullHttpResponse response = get("/admin/bench/run-1");

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("text/html");
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_SECURITY_POLICY))
        .contains("default-src 'none'")
        .contains("sandbox");
    assertThat(RouteChannel.body(response)).contains("<h1>Cairn bench: cairn</h1>");
  }

  @Test
  void runWithoutReportSaysHowToDrawIt() throws Exception {
    FullHttpResponse response = get("/admin/bench/sat.2");

    assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(RouteChannel.body(response))
        .contains("has no report.html")
        .contains("cairn bench --report-only");
    FullHttpResponse unknown = get("/admin/bench/run-9");
    assertThat(unknown.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
    assertThat(RouteChannel.body(unknown)).contains("no run 'run-9'");
  }

  @Test
  void refusesPathsThatLeaveTheBenchDirectory() throws Exception {
    for (String uri :
        new String[] {
          "/admin/bench/..",
          "/admin/bench/../secret.html",
          "/admin/bench/..%2Fsecret.html",
          "/admin/bench/run-1%2F..%2F..%2Fsecret.html",
          "/admin/bench/%2Fetc%2Fpasswd",
          "/admin/bench/run-1/report.html",
          "/admin/bench/.hidden"
        }) {
      FullHttpResponse response = get(uri);
      assertThat(response.status()).as(uri).isEqualTo(HttpResponseStatus.BAD_REQUEST);
      assertThat(RouteChannel.body(response)).as(uri).doesNotContain("outside").contains("not a");
    }
  }

  @Test
  void requiresTheAdminToken() throws Exception {
    for (String uri : new String[] {"/admin/bench", "/admin/bench/run-1", "/admin/bench/.."}) {
      FullHttpResponse response = http.exchange(RouteChannel.get(uri));
      assertThat(response.status()).as(uri).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
      assertThat(RouteChannel.body(response)).as(uri).doesNotContain("Cairn bench");
    }
    FullHttpRequest wrong = RouteChannel.get("/admin/bench/run-1");
    wrong.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer not-the-token");
    assertThat(http.exchange(wrong).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
  }

  @Test
  void onlyGetIsAllowedAndOtherAdminPathsAreLeftAlone() throws Exception {
    FullHttpRequest post = RouteChannel.request(HttpMethod.POST, "/admin/bench", "");
    post.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
    assertThat(http.exchange(post).status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
    BenchRoute route = new BenchRoute(new AdminToken(TOKEN, false), benchDir);
    assertThat(route.handle(null, RouteChannel.get("/admin/benchmarks"))).isFalse();
    assertThat(route.handle(null, RouteChannel.get("/admin/hunts"))).isFalse();
  }
}
