package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /metrics}: the {@link ServerMetrics} registry in Prometheus text format. */
public final class MetricsRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/metrics");

  /** The Prometheus text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;

  public MetricsRoute(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!new QueryStringDecoder(request.uri()).path().equals("/metrics")) {
      return false;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    HttpResponses.send(
        ctx,
        request,
        HttpResponseStatus.OK,
        CONTENT_TYPE,
        metrics.scrape().getBytes(StandardCharsets.UTF_8));
    return true;
  }
}
