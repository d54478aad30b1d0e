package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Admits a connection (or refuses it with 503 past {@code max-connections}), passes WebSocket
 * upgrades of {@code /ws} on, offers every other request to the routes in order and answers 404
 * when none takes it. Messages that are not HTTP requests (WebSocket frames after the upgrade) pass
 * through untouched. An upgraded connection routes no more requests: the player handler takes the
 * router out of its pipeline ({@link #leave}), and the admission is then given back when the
 * channel closes.
 */
final class HttpRouter extends ChannelInboundHandlerAdapter {
  static final String WEBSOCKET_PATH = "/ws";

  private final Gateway gateway;
  private final List<HttpRoute> routes;
  private final int maxConnections;
  private final ChannelFutureListener releaseOnClose;
  private boolean admitted;

  /**
   * @param releaseOnClose gives an admission back to the gateway when a channel closes; shared by
   *     every connection, so a router that leaves the pipeline leaves nothing behind
   */
  HttpRouter(
      Gateway gateway,
      List<HttpRoute> routes,
      int maxConnections,
      ChannelFutureListener releaseOnClose) {
    this.gateway = gateway;
    this.routes = routes;
    this.maxConnections = maxConnections;
    this.releaseOnClose = releaseOnClose;
  }

  /** Takes the router out of an upgraded connection's pipeline, if it is there. */
  static void leave(ChannelPipeline pipeline) {
    HttpRouter router = pipeline.get(HttpRouter.class);
    if (router != null) {
      pipeline.remove(router);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (admitted) {
      admitted = false;
      ctx.channel().closeFuture().addListener(releaseOnClose);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    admitted = gateway.tryAdmit(maxConnections);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (admitted) {
      admitted = false;
      gateway.release();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (!admitted) {
      request.release();
      respond(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many connections\n", true);
      return;
    }
    if (isWebSocket(request.uri())) {
      ctx.fireChannelRead(request);
      return;
    }
    try {
      for (HttpRoute route : routes) {
        if (route.handle(ctx, request)) {
          return;
        }
      }
      respond(ctx, HttpResponseStatus.NOT_FOUND, "not found\n", !HttpUtil.isKeepAlive(request));
    } finally {
      request.release();
    }
  }

  static boolean isWebSocket(String uri) {
    return uri.equals(WEBSOCKET_PATH) || uri.startsWith(WEBSOCKET_PATH + "?");
  }

  private static void respond(
      ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean close) {
    ByteBuf body = ByteBufUtil.writeAscii(ctx.alloc(), text);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.writeAndFlush(response);
    }
  }
}
