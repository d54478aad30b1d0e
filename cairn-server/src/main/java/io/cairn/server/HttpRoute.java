package io.cairn.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * One HTTP endpoint (health, metrics, admin, catalog, static files) served on the same port as the
 * WebSocket. The gateway's router offers every request that is not a WebSocket upgrade to its
 * routes in order; the first that handles it writes the response.
 */
public interface HttpRoute {
  /**
   * Handles {@code request} and writes its response when this route owns it; returns false,
   * touching nothing, when it does not. The router releases the request afterwards.
   */
  boolean handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
