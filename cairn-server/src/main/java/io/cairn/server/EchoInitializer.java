package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;

/**
 * The pipeline of {@code cairn echo}: the codecs of {@link GatewayInitializer} with the same
 * WebSocket settings, then a handler that writes every text frame back unchanged, flushing once per
 * read like the player handler flushes once per batch of replies. Any other HTTP request gets
 * {@code 200 echo}, so a load generator can wait for the server as it waits for {@code /healthz}. A
 * frame marked as a claim or a right guess is also pushed, as an event, to every handshaken
 * connection ({@link EchoFanOut}).
 */
final class EchoInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_HTTP_BODY_BYTES = 64 * 1024;

  private final GatewayLimits limits;
  private final EchoFanOut fanOut = new EchoFanOut();

  EchoInitializer(GatewayLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast("http", new HttpServerCodec());
    p.addLast("aggregator", new HttpObjectAggregator(MAX_HTTP_BODY_BYTES));
    p.addLast("ws", new WebSocketServerProtocolHandler(GatewayInitializer.webSocketConfig(limits)));
    p.addLast("fragments", new WebSocketFrameAggregator(limits.maxFrameBytes()));
    p.addLast("echo", new EchoHandler(fanOut));
  }

  /**
   * Frames back as they came, marked ones also pushed to everyone; HTTP requests that are not the
   * upgrade get a fixed answer.
   */
  private static final class EchoHandler extends SimpleChannelInboundHandler<Object> {
    private static final byte[] OK = "echo\n".getBytes(StandardCharsets.US_ASCII);

    private final EchoFanOut fanOut;

    /** This connection's number once it completed the handshake, 0 before. */
    private int connection;

    EchoHandler(EchoFanOut fanOut) {
      this.fanOut = fanOut;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        connection = fanOut.joined(ctx.channel());
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (connection > 0) {
        fanOut.left(ctx.channel());
      }
      super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof TextWebSocketFrame text) {
        ByteBuf content = text.content();
        fanOut.onRequest(content, connection, ctx.alloc()); // pushed by tasks
        ctx.write(new TextWebSocketFrame(content.retain()));
      } else if (msg instanceof FullHttpRequest) {
        ByteBuf body = Unpooled.wrappedBuffer(OK);
        FullHttpResponse response =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, OK.length);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      } else if (msg instanceof WebSocketFrame) {
        ctx.close();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
