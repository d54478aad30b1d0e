package io.cairn.server.http;

import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.ErrorCode;
import io.cairn.engine.hunt.HuntDirectory;
import io.cairn.engine.hunt.HuntView;
import io.cairn.server.HttpRoute;
import io.cairn.server.OrganiserFeed;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Problem;
import io.cairn.veltrix.VeltrixException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The admin API under {@code /admin/}, for organisers with the bearer token ({@link AdminToken}).
 * Commands go to the engine through one organiser {@link LocalClient.Session}, like any other
 * command; the response is written when the engine's reply arrives (after the journal made the
 * command durable), from the channel's event loop, which is never blocked waiting for it.
 *
 * <p>The board ({@code GET /admin/hunts/{id}/board?limit=N}) is the engine's organiser op {@code
 * HUNT_BOARD}: read-only, never journaled, answered by the hunt's shard like any command. The
 * player's {@code board} could not serve: it answers for the asking player's team, and reading it
 * through a session that joined the hunt would add a player to the hunt. The map ({@code GET
 * /admin/hunts/{id}/map}) is the organiser op {@code HUNT_MAP}, read-only in the same way.
 *
 * <p>For the dashboard: {@code GET /admin/hunts/{id}/events} streams the hunt's push events as
 * Server-Sent Events ({@link OrganiserFeed}), {@code GET /admin/hunts/{id}/history} returns the
 * sampled board history, {@code GET /admin/health} the server's health over the last minutes
 * ({@link HealthHistory}).
 */
public final class AdminRoute implements HttpRoute {
  public static final List<String> PATHS =
      List.of(
          "/admin/hunts",
          "/admin/hunts/{id}/start",
          "/admin/hunts/{id}/pause",
          "/admin/hunts/{id}/resume",
          "/admin/hunts/{id}/end",
          "/admin/hunts/{id}/announce",
          "/admin/hunts/{id}/board",
          "/admin/hunts/{id}/map",
          "/admin/hunts/{id}/history",
          "/admin/hunts/{id}/events",
          "/admin/health");

  static final String PREFIX = "/admin/";
  private static final String HUNTS = "/admin/hunts";
  private static final String UPLOAD_NAME = "upload";
  private static final String HEALTH = "/admin/health";
  private static final long REPLY_TIMEOUT_S = 30;
  private static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

  private final AdminToken token;
  private final HuntDirectory directory;
  private final LocalClient.Session organiser;
  private final OrganiserFeed feed;
  private final HealthHistory health;

  public AdminRoute(
      AdminToken token,
      HuntDirectory directory,
      LocalClient.Session organiser,
      OrganiserFeed feed,
      HealthHistory health) {
    this.token = token;
    this.directory = directory;
    this.organiser = organiser;
    this.feed = feed;
    this.health = health;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    if (!path.startsWith(PREFIX) && !path.equals("/admin")) {
      return false;
    }
    if (isDashboardPage(path) && request.method().equals(HttpMethod.GET)) {
      return false;
    }
    if (!authorized(token, request)) {
      unauthorized(ctx, request);
      return true;
    }
    HttpMethod method = request.method();
    if (path.equals(HEALTH)) {
      if (!method.equals(HttpMethod.GET)) {
        methodNotAllowed(ctx, request, "GET");
        return true;
      }
      long afterMs = longParameter(uri, "after");
      if (afterMs == Long.MIN_VALUE) {
        HttpResponses.error(
            ctx,
            request,
            HttpResponseStatus.BAD_REQUEST,
            ErrorCode.BAD_REQUEST,
            "after must be a time in epoch milliseconds");
        return true;
      }
      HttpResponses.json(ctx, request, HttpResponseStatus.OK, health.json(afterMs));
      return true;
    }
    if (path.equals(HUNTS) || path.equals(HUNTS + "/")) {
      if (method.equals(HttpMethod.GET)) {
        HttpResponses.json(ctx, request, HttpResponseStatus.OK, list());
      } else if (method.equals(HttpMethod.POST)) {
        upload(ctx, request, uri);
      } else {
        methodNotAllowed(ctx, request, "GET or POST");
      }
      return true;
    }
    String[] parts = path.substring(HUNTS.length()).split("/", -1);
    // "/admin/hunts/{id}/{action}" splits into "", id, action
    if (!path.startsWith(HUNTS + "/") || parts.length != 3 || parts[1].isEmpty()) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no admin endpoint " + path);
      return true;
    }
    String huntId = parts[1];
    String action = parts[2];
    if (action.equals("map") || action.equals("history") || action.equals("events")) {
      if (!method.equals(HttpMethod.GET)) {
        methodNotAllowed(ctx, request, "GET");
        return true;
      }
      Optional<HuntView> view = directory.find(huntId);
      if (view.isEmpty()) {
        HttpResponses.error(
            ctx,
            request,
            HttpResponseStatus.NOT_FOUND,
            ErrorCode.UNKNOWN_HUNT,
            "no hunt " + huntId);
      } else if (action.equals("map")) {
        map(ctx, request, uri, huntId);
      } else if (action.equals("history")) {
        HttpResponses.json(ctx, request, HttpResponseStatus.OK, history(view.get()));
      } else {
        stream(ctx, request, view.get());
      }
      return true;
    }
    if (action.equals("board")) {
      if (!method.equals(HttpMethod.GET)) {
        methodNotAllowed(ctx, request, "GET");
        return true;
      }
      int limit = limit(uri);
      if (limit < 0) {
        HttpResponses.error(
            ctx,
            request,
            HttpResponseStatus.BAD_REQUEST,
            ErrorCode.BAD_REQUEST,
            "limit must be a number from 1 to 100");
        return true;
      }
      if (directory.find(huntId).isEmpty()) {
        HttpResponses.error(
            ctx,
            request,
            HttpResponseStatus.NOT_FOUND,
            ErrorCode.UNKNOWN_HUNT,
            "no hunt " + huntId);
        return true;
      }
      reply(ctx, request, organiser.huntBoard(huntId, limit));
      return true;
    }
    int op =
        switch (action) {
          case "start" -> Op.START;
          case "pause" -> Op.PAUSE;
          case "resume" -> Op.RESUME;
          case "end" -> Op.END;
          case "announce" -> Op.ANNOUNCE;
          default -> -1;
        };
    if (op < 0) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no admin endpoint " + path);
      return true;
    }
    if (!method.equals(HttpMethod.POST)) {
      methodNotAllowed(ctx, request, "POST");
      return true;
    }
    if (directory.find(huntId).isEmpty()) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.NOT_FOUND, ErrorCode.UNKNOWN_HUNT, "no hunt " + huntId);
      return true;
    }
    if (op == Op.ANNOUNCE) {
      String message = AnnounceBody.message(request);
      if (message.isBlank()) {
        HttpResponses.error(
            ctx,
            request,
            HttpResponseStatus.BAD_REQUEST,
            ErrorCode.BAD_REQUEST,
            "announce needs a message: the body as text, or JSON {\"message\": \"...\"}");
        return true;
      }
      reply(ctx, request, organiser.announce(huntId, message));
    } else {
      reply(ctx, request, organiser.lifecycle(huntId, op));
    }
    return true;
  }

  /** The ranges of cellM and maxAgeS are the engine's to check; only numbers are checked here. */
  private void map(
      ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri, String huntId) {
    long cellM = longParameter(uri, "cellM");
    long maxAgeS = longParameter(uri, "maxAgeS");
    if (cellM != (int) cellM || maxAgeS != (int) maxAgeS) {
      HttpResponses.error(
          ctx,
          request,
          HttpResponseStatus.BAD_REQUEST,
          ErrorCode.BAD_REQUEST,
          "cellM (metres) and maxAgeS (seconds) must be whole numbers");
      return;
    }
    reply(ctx, request, organiser.huntMap(huntId, (int) cellM, (int) maxAgeS));
  }

  /** {@code {"hunt":..,"sampleMs":..,"samples":[board events]}}, oldest sample first. */
  private String history(HuntView view) {
    Json json =
        new Json()
            .startObject()
            .name("hunt")
            .string(view.huntId())
            .name("sampleMs")
            .number(feed.historySampleMs())
            .name("samples")
            .startArray();
    for (byte[] sample : feed.boardHistory(view.shard(), view.huntNumber())) {
      json.raw(new String(sample, StandardCharsets.UTF_8));
    }
    return json.endArray().endObject().toString();
  }

  /**
   * Turns this connection into the hunt's event stream, starting with the hunt's recent events: the
   * response has no length and ends when either side closes. The idle timeout is for players who go
   * silent; a stream's reader sends nothing by design, so it is taken off this connection (the
   * feed's heartbeats find dead peers).
   */
  private void stream(ChannelHandlerContext ctx, FullHttpRequest request, HuntView view) {
    if (!feed.subscribe(ctx.channel(), view.shard(), view.huntNumber())) {
      HttpResponses.error(
          ctx,
          request,
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "TOO_MANY_STREAMS",
          "at most " + OrganiserFeed.MAX_SUBSCRIBERS + " organiser event streams may be open");
      return;
    }
    ChannelPipeline pipeline = ctx.pipeline();
    if (pipeline.get(IdleStateHandler.class) != null) {
      pipeline.remove(IdleStateHandler.class);
    }
    HttpResponse head = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, EVENT_STREAM)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set("X-Accel-Buffering", "no");
    ctx.write(head);
    ctx.write(
        Unpooled.copiedBuffer(
            ": events of hunt " + view.huntId() + "\n\n", StandardCharsets.UTF_8));
    for (byte[] event : feed.recentEvents(view.shard(), view.huntNumber())) {
      OrganiserFeed.writeEvent(ctx.channel(), event);
    }
    ctx.flush();
  }

  /** A whole-number parameter: 0 when absent, {@link Long#MIN_VALUE} when not a number. */
  private static long longParameter(QueryStringDecoder uri, String name) {
    List<String> values = uri.parameters().get(name);
    if (values == null || values.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  /**
   * {@code GET /admin} and {@code /admin/} are the dashboard page, public like any page ({@link
   * StaticRoute}); the token it signs in with guards the API under {@code /admin/hunts}.
   */
  private static boolean isDashboardPage(String path) {
    return path.equals("/admin") || path.equals(PREFIX);
  }

  /** The 401 of every admin route: the bearer token is missing or wrong. */
  static void unauthorized(ChannelHandlerContext ctx, FullHttpRequest request) {
    byte[] body =
        Json.error("UNAUTHORIZED", "Authorization: Bearer <admin token> required")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponses.sendWithHeader(
        ctx,
        HttpResponses.Target.of(request),
        HttpResponseStatus.UNAUTHORIZED,
        HttpResponses.JSON,
        body,
        HttpHeaderNames.WWW_AUTHENTICATE,
        "Bearer");
  }

  static boolean authorized(AdminToken token, FullHttpRequest request) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return token.matches(header.substring(7).strip());
  }

  private String list() {
    Json json = new Json().startArray();
    for (HuntView view : CatalogRoute.sorted(directory)) {
      CatalogRoute.common(json.startObject(), view)
          .name("teams")
          .number(view.teamCount())
          .name("shard")
          .number(view.shard())
          .endObject();
    }
    return json.endArray().toString();
  }

  /**
   * Compiling a file of up to 1 MiB takes milliseconds of CPU, too long for an event loop that
   * serves players: it runs on the common pool, and the response is written from the event loop.
   */
  private void upload(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
    String text = request.content().toString(StandardCharsets.UTF_8);
    boolean validateOnly = flag(uri, "validate");
    boolean force = flag(uri, "force");
    respond(
        ctx,
        HttpResponses.Target.of(request),
        CompletableFuture.supplyAsync(
                () -> compileAndSend(text, validateOnly, force), ForkJoinPool.commonPool())
            .thenCompose(Function.identity()));
  }

  private CompletableFuture<Response> compileAndSend(
      String text, boolean validateOnly, boolean force) {
    HuntSnapshot hunt;
    try {
      hunt = HuntFiles.compile(UPLOAD_NAME, text);
    } catch (VeltrixException e) {
      return CompletableFuture.completedFuture(
          new Response(
              validateOnly ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY,
              problems(false, e.problems())));
    }
    if (validateOnly) {
      return CompletableFuture.completedFuture(
          new Response(HttpResponseStatus.OK, problems(true, List.of())));
    }
    String huntId = hunt.id();
    CompletableFuture<String> reply =
        directory.find(huntId).isPresent()
            ? organiser.reloadHunt(huntId, UPLOAD_NAME, text, force)
            : organiser.loadHunt(huntId, UPLOAD_NAME, text);
    return reply.thenApply(Response::ofEngineReply);
  }

  /** A response to write later: its status and JSON body. */
  private record Response(HttpResponseStatus status, String json) {
    static Response ofEngineReply(String reply) {
      return new Response(statusOf(reply), reply);
    }
  }

  /** The {@code limit} parameter: 0 (the engine's default) when absent, -1 when not 1-100. */
  private static int limit(QueryStringDecoder uri) {
    List<String> values = uri.parameters().get("limit");
    if (values == null || values.isEmpty()) {
      return 0;
    }
    try {
      int limit = Integer.parseInt(values.get(0));
      return limit >= 1 && limit <= 100 ? limit : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean flag(QueryStringDecoder uri, String name) {
    List<String> values = uri.parameters().get(name);
    return values != null && !values.isEmpty() && values.get(0).equals("true");
  }

  /** {@code {"valid":..,"problems":[{"line","column","key","message"}]}}. */
  static String problems(boolean valid, List<Problem> problems) {
    Json json = new Json().startObject().name("valid").bool(valid).name("problems").startArray();
    for (Problem p : problems) {
      json.startObject()
          .name("line")
          .number(p.line())
          .name("column")
          .number(p.column())
          .name("key")
          .string(p.keyPath())
          .name("message")
          .string(p.message())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  /**
   * Writes the engine's reply as the response once it arrives, on the channel's event loop. The
   * request is released by the router when this returns, so what the response needs is taken now.
   */
  private static void reply(
      ChannelHandlerContext ctx, FullHttpRequest request, CompletableFuture<String> reply) {
    respond(ctx, HttpResponses.Target.of(request), reply.thenApply(Response::ofEngineReply));
  }

  /** Writes {@code response} when it completes, on the channel's event loop. */
  private static void respond(
      ChannelHandlerContext ctx,
      HttpResponses.Target target,
      CompletableFuture<Response> response) {
    response
        .orTimeout(REPLY_TIMEOUT_S, TimeUnit.SECONDS)
        .whenCompleteAsync(
            (done, failure) -> {
              if (failure != null) {
                boolean timedOut =
                    failure instanceof TimeoutException
                        || failure.getCause() instanceof TimeoutException;
                HttpResponses.json(
                    ctx,
                    target,
                    timedOut
                        ? HttpResponseStatus.GATEWAY_TIMEOUT
                        : HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Json.error(
                        timedOut ? "TIMEOUT" : "INTERNAL",
                        timedOut ? "the engine did not answer in time" : failure.toString()));
              } else {
                HttpResponses.json(ctx, target, done.status(), done.json());
              }
            },
            ctx.executor());
  }

  /** The HTTP status for an engine reply: 200 when ok, else by its error code. */
  static HttpResponseStatus statusOf(String reply) {
    if (reply.contains("\"ok\":true")) {
      return HttpResponseStatus.OK;
    }
    int at = reply.indexOf("\"code\":\"");
    String code = "";
    if (at >= 0) {
      int start = at + 8;
      int end = reply.indexOf('"', start);
      code = end > start ? reply.substring(start, end) : "";
    }
    return switch (code) {
      case ErrorCode.INVALID_HUNT -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
      case ErrorCode.RELOAD_REFUSED, ErrorCode.HUNT_EXISTS, ErrorCode.INVALID_TRANSITION ->
          HttpResponseStatus.CONFLICT;
      case ErrorCode.UNKNOWN_HUNT -> HttpResponseStatus.NOT_FOUND;
      case "OVERLOADED" -> HttpResponseStatus.SERVICE_UNAVAILABLE;
      default -> HttpResponseStatus.BAD_REQUEST;
    };
  }

  private static void methodNotAllowed(
      ChannelHandlerContext ctx, FullHttpRequest request, String allowed) {
    HttpResponses.error(
        ctx,
        request,
        HttpResponseStatus.METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "use " + allowed);
  }
}
