package io.cairn.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Writes complete responses: Content-Type and Content-Length always set, keep-alive as the request
 * asked (a connection the client wants closed is closed once the response is written).
 */
final class HttpResponses {
  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  private HttpResponses() {}

  /**
   * What a response needs from its request, captured before the router releases the request: an
   * asynchronous route answers after that.
   */
  record Target(HttpVersion version, boolean keepAlive) {
    static Target of(FullHttpRequest request) {
      return new Target(request.protocolVersion(), HttpUtil.isKeepAlive(request));
    }
  }

  static void json(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String json) {
    send(ctx, Target.of(request), status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  static void json(
      ChannelHandlerContext ctx, Target target, HttpResponseStatus status, String json) {
    send(ctx, target, status, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  static void error(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      HttpResponseStatus status,
      String code,
      String message) {
    json(ctx, request, status, Json.error(code, message));
  }

  static void send(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      HttpResponseStatus status,
      String contentType,
      byte[] body) {
    send(ctx, Target.of(request), status, contentType, body);
  }

  static void send(
      ChannelHandlerContext ctx,
      Target target,
      HttpResponseStatus status,
      String contentType,
      byte[] body) {
    sendWithHeader(ctx, target, status, contentType, body, null, null);
  }

  /** As {@link #send}, with {@code extra} headers. */
  static void send(
      ChannelHandlerContext ctx,
      Target target,
      HttpResponseStatus status,
      String contentType,
      byte[] body,
      HttpHeaders extra) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(target.version(), status, Unpooled.wrappedBuffer(body));
    response.headers().set(extra);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    write(ctx, target, response);
  }

  /** A body-less 304 Not Modified with {@code headers} (ETag, Cache-Control). */
  static void notModified(ChannelHandlerContext ctx, Target target, HttpHeaders headers) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(target.version(), HttpResponseStatus.NOT_MODIFIED);
    response.headers().set(headers);
    write(ctx, target, response);
  }

  /** As {@link #send}, with one more header when {@code name} is not null. */
  static void sendWithHeader(
      ChannelHandlerContext ctx,
      Target target,
      HttpResponseStatus status,
      String contentType,
      byte[] body,
      CharSequence name,
      String value) {
    ByteBuf content = Unpooled.wrappedBuffer(body);
    FullHttpResponse response = new DefaultFullHttpResponse(target.version(), status, content);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (name != null) {
      response.headers().set(name, value);
    }
    write(ctx, target, response);
  }

  private static void write(ChannelHandlerContext ctx, Target target, FullHttpResponse response) {
    HttpUtil.setKeepAlive(response, target.keepAlive());
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!target.keepAlive()) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
