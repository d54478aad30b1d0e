package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.cairn.veltrix.JsonText;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * The dashboard's Benchmarks view: {@code GET /admin/bench} lists the runs of {@code cairn bench}
 * under the {@code bench-dir} setting (one directory each, with its {@code summary.json}) with
 * their headline figures, newest first; {@code GET /admin/bench/{run}} serves that run's {@code
 * report.html}. Admin token required, like the rest of {@code /admin/}. A run is named by one
 * directory name, never a path, so no request reaches a file outside {@code bench-dir}. Files are
 * read off the event loop, which serves players too.
 */
public final class BenchRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/admin/bench", "/admin/bench/{run}");

  private static final String LIST = "/admin/bench";
  private static final String ONE = "/admin/bench/";
  private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final String HTML = "text/html; charset=utf-8";

  /**
   * The report is our own file, but it is served from the server's origin: nothing in it may run or
   * load anything (it needs neither).
   */
  private static final String REPORT_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

  private final AdminToken token;
  private final Path benchDir;

  public BenchRoute(AdminToken token, Path benchDir) {
    this.token = token;
    this.benchDir = benchDir;
  }

  private record Response(HttpResponseStatus status, String contentType, byte[] body) {
    static Response error(HttpResponseStatus status, String code, String message) {
      return new Response(
          status, HttpResponses.JSON, Json.error(code, message).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    boolean list = path.equals(LIST) || path.equals(LIST + "/");
    if (!list && !path.startsWith(ONE)) {
      return false;
    }
    if (!AdminRoute.authorized(token, request)) {
      AdminRoute.unauthorized(ctx, request);
      return true;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    String run = list ? "" : path.substring(ONE.length());
    if (!list && !RUN_NAME.matcher(run).matches()) {
      HttpResponses.error(
          ctx,
          request,
          HttpResponseStatus.BAD_REQUEST,
          "BAD_REQUEST",
          "a run is named by its directory name under bench-dir (letters, digits, . _ -), not a"
              + " path");
      return true;
    }
    HttpResponses.Target target = HttpResponses.Target.of(request);
    CompletableFuture.supplyAsync(() -> list ? list() : report(run), ForkJoinPool.commonPool())
        .whenCompleteAsync(
            (response, failure) -> {
              Response r =
                  failure == null
                      ? response
                      : Response.error(
                          HttpResponseStatus.INTERNAL_SERVER_ERROR,
                          "INTERNAL",
                          "cannot read the bench runs: " + failure.getMessage());
              if (r.contentType().equals(HTML)) {
                HttpResponses.sendWithHeader(
                    ctx,
                    target,
                    r.status(),
                    r.contentType(),
                    r.body(),
                    HttpHeaderNames.CONTENT_SECURITY_POLICY,
                    REPORT_POLICY);
              } else {
                HttpResponses.send(ctx, target, r.status(), r.contentType(), r.body());
              }
            },
            ctx.executor());
    return true;
  }

  private Response report(String run) {
    Path dir = benchDir.resolve(run).normalize();
    Path report = dir.resolve("report.html");
    if (!dir.getParent().equals(benchDir.normalize()) || !Files.isRegularFile(report)) {
      String why =
          Files.isRegularFile(dir.resolve("summary.json"))
              ? "run '"
                  + run
                  + "' has no report.html; draw it with cairn bench --report-only "
                  + dir
              : "no run '" + run + "' in " + benchDir.toAbsolutePath();
      return Response.error(HttpResponseStatus.NOT_FOUND, "NOT_FOUND", why);
    }
    try {
      return new Response(HttpResponseStatus.OK, HTML, Files.readAllBytes(report));
    } catch (IOException e) {
      return Response.error(
          HttpResponseStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "cannot read " + report + ": " + e);
    }
  }

  private record Run(String name, String date, String json) {}

  private Response list() {
    List<Run> found = new ArrayList<>();
    if (Files.isDirectory(benchDir)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(benchDir)) {
        for (Path dir : dirs) {
          String name = dir.getFileName().toString();
          Path summary = dir.resolve("summary.json");
          if (RUN_NAME.matcher(name).matches() && Files.isRegularFile(summary)) {
            found.add(headline(name, dir, summary));
          }
        }
      } catch (IOException e) {
        return Response.error(
            HttpResponseStatus.INTERNAL_SERVER_ERROR,
            "INTERNAL",
            "cannot list " + benchDir.toAbsolutePath() + ": " + e);
      }
    }
    found.sort(Comparator.comparing(Run::date).reversed().thenComparing(Run::name));
    Json json =
        new Json()
            .startObject()
            .name("dir")
            .string(benchDir.toAbsolutePath().toString())
            .name("runs")
            .startArray();
    for (Run run : found) {
      json.raw(run.json());
    }
    return new Response(
        HttpResponseStatus.OK,
        HttpResponses.JSON,
        json.endArray().endObject().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The figures a list of runs can compare at a glance; the report has the rest. */
  static Run headline(String name, Path dir, Path summaryFile) {
    Json n = new Json().startObject().name("run").string(name);
    n.name("report").bool(Files.isRegularFile(dir.resolve("report.html")));
    Map<String, Object> s;
    try {
      s = JsonText.readObject(Files.readString(summaryFile, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      n.name("problem").string("summary.json cannot be read: " + e.getMessage());
      return new Run(name, "", n.endObject().toString());
    }
    String date = text(s.get("date"));
    n.name("date").string(date);
    n.name("target").string(text(s.get("target")));
    n.name("command").string(text(s.get("command")));
    // a run of --target both: the headline is Cairn's, with its ratio to echo
    Map<String, Object> measured = s.get("cairn") instanceof Map<?, ?> ? map(s.get("cairn")) : s;
    number(n, "throughputRatioToEcho", s.get("throughputRatioToEcho"));
    number(n, "players", at(measured, "players", "connected"));
    number(n, "offeredPerS", at(measured, "throughput", "offeredPerS"));
    number(n, "achievedPerS", at(measured, "throughput", "achievedPerS"));
    number(n, "p50Ms", at(measured, "latencyMs", "all", "p50"));
    number(n, "p99Ms", at(measured, "latencyMs", "all", "p99"));
    number(n, "maxMs", at(measured, "latencyMs", "all", "max"));
    number(n, "errors", at(measured, "requests", "errors"));
    number(n, "allocatedBytesPerRequest", at(measured, "server", "allocatedBytesPerRequest"));
    return new Run(name, date, n.endObject().toString());
  }

  private static String text(Object o) {
    return o instanceof String t ? t : "";
  }

  private static Object at(Map<String, Object> m, String... keys) {
    Object o = m;
    for (String k : keys) {
      o = map(o).get(k);
    }
    return o;
  }

  @SuppressWarnings("unchecked") // maps of JSON text have string keys
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** A figure the run measured; absent when it did not (NaN is written as null by the bench). */
  private static void number(Json json, String name, Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      json.name(name).raw(Double.toString(d));
    } else if (value instanceof Integer || value instanceof Long) {
      json.name(name).number(((Number) value).longValue());
    }
  }
}
