package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * An EmbeddedChannel whose handler does what the gateway's router does: offers each request to the
 * routes in order, answers 404 when none takes it, and releases the request afterwards.
 */
final class RouteChannel {
  private static final long WAIT_MS = 10_000;

  final EmbeddedChannel channel;

  RouteChannel(HttpRoute... routes) {
    channel =
        new EmbeddedChannel(
            new SimpleChannelInboundHandler<FullHttpRequest>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                for (HttpRoute route : routes) {
                  if (route.handle(ctx, request)) {
                    return;
                  }
                }
                HttpResponses.error(
                    ctx, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no route");
              }
            });
  }

  static FullHttpRequest get(String uri) {
    return request(HttpMethod.GET, uri, "");
  }

  static FullHttpRequest request(HttpMethod method, String uri, String body) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
    return request;
  }

  /** Sends the request and waits for the response, running the channel's tasks meanwhile. */
  FullHttpResponse exchange(FullHttpRequest request) throws InterruptedException {
    channel.writeInbound(request);
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      channel.runPendingTasks();
      FullHttpResponse response = channel.readOutbound();
      if (response != null) {
        return response;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no response to " + request.method() + " " + request.uri());
  }

  static String body(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }
}
