package io.cairn.server.http;

import io.cairn.engine.Engine;
import io.cairn.server.HttpRoute;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz}: the process answers. {@code GET /readyz}: the server takes players, that is
 * the journal is recovered and listening has begun ({@code ready}, set by whoever starts the
 * server) and no shard has stopped after a journal failure ({@code engineHealthy}).
 */
public final class HealthRoutes implements HttpRoute {
  /** The paths this route serves, for the OpenAPI test. */
  public static final List<String> PATHS = List.of("/healthz", "/readyz");

  private static final String ALIVE = "{\"status\":\"alive\"}";
  private static final String READY = "{\"status\":\"ready\"}";

  private final BooleanSupplier ready;
  private final BooleanSupplier engineHealthy;

  public HealthRoutes(BooleanSupplier ready, BooleanSupplier engineHealthy) {
    this.ready = ready;
    this.engineHealthy = engineHealthy;
  }

  public static HealthRoutes of(BooleanSupplier ready, Engine engine) {
    return new HealthRoutes(ready, engine::healthy);
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    String path = new QueryStringDecoder(request.uri()).path();
    boolean health = path.equals("/healthz");
    if (!health && !path.equals("/readyz")) {
      return false;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    if (health) {
      HttpResponses.json(ctx, request, HttpResponseStatus.OK, ALIVE);
    } else if (!ready.getAsBoolean()) {
      notReady(ctx, request, "starting: journal recovery or listening not finished");
    } else if (!engineHealthy.getAsBoolean()) {
      notReady(ctx, request, "a shard stopped after a journal failure");
    } else {
      HttpResponses.json(ctx, request, HttpResponseStatus.OK, READY);
    }
    return true;
  }

  private static void notReady(ChannelHandlerContext ctx, FullHttpRequest request, String reason) {
    String body =
        new Json()
            .startObject()
            .name("status")
            .string("not ready")
            .name("reason")
            .string(reason)
            .endObject()
            .toString();
    HttpResponses.json(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, body);
  }
}
