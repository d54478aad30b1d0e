package io.cairn.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline of a connection, in one place:
 *
 * <pre>
 *   idle        IdleStateHandler          nothing read for idle-timeout: the player handler closes
 *   http        HttpServerCodec           (replaced by the WebSocket codec after the upgrade)
 *   aggregator  HttpObjectAggregator      whole requests for the routes (removed after the upgrade)
 *   router      HttpRouter                connection limit, routes, 404; /ws passes on (removed
 *                                         after the upgrade)
 *   ws          WebSocketServerProtocolHandler  upgrade of /ws, ping/pong, close; frame limit
 *   fragments   WebSocketFrameAggregator  a fragmented message becomes one frame (same limit)
 *   player      PlayerFrameHandler        requests to commands, replies in order, pushes
 * </pre>
 *
 * UTF-8 is not validated by Netty (which would close with 1007): the request reader validates it
 * and answers BAD_REQUEST, keeping the connection open as the protocol asks. Protocol violations do
 * not close the connection inside the decoder either, so the player handler can send the {@code
 * error} push FRAME_TOO_LARGE before closing with 1009.
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
  /** Largest HTTP request body the routes accept (hunt uploads). */
  static final int MAX_HTTP_BODY_BYTES = 1024 * 1024;

  private final Gateway gateway;
  private final List<HttpRoute> routes;
  private final GatewayLimits limits;
  private final WebSocketServerProtocolConfig wsConfig;
  private final ChannelFutureListener releaseOnClose;

  GatewayInitializer(Gateway gateway, List<HttpRoute> routes, GatewayLimits limits) {
    this.gateway = gateway;
    this.routes = List.copyOf(routes);
    this.limits = limits;
    this.wsConfig = webSocketConfig(limits);
    this.releaseOnClose = closed -> gateway.release();
  }

  /** The WebSocket settings of {@code /ws}, shared with {@link EchoInitializer}. */
  static WebSocketServerProtocolConfig webSocketConfig(GatewayLimits limits) {
    return WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(HttpRouter.WEBSOCKET_PATH)
        .checkStartsWith(true)
        .handleCloseFrames(true)
        .decoderConfig(
            WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(limits.maxFrameBytes())
                .allowExtensions(false)
                .withUTF8Validator(false)
                .closeOnProtocolViolation(false)
                .build())
        .build();
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast("idle", new IdleStateHandler(limits.idleTimeoutNs(), 0, 0, TimeUnit.NANOSECONDS));
    p.addLast("http", new HttpServerCodec());
    p.addLast("aggregator", new HttpObjectAggregator(MAX_HTTP_BODY_BYTES));
    p.addLast("router", new HttpRouter(gateway, routes, limits.maxConnections(), releaseOnClose));
    p.addLast("ws", new WebSocketServerProtocolHandler(wsConfig));
    p.addLast("fragments", new WebSocketFrameAggregator(limits.maxFrameBytes()));
    p.addLast("player", new PlayerFrameHandler(gateway, limits));
  }
}
