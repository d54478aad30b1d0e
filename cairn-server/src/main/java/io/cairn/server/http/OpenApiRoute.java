package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** {@code GET /openapi.yaml}: the OpenAPI 3.1 description of the HTTP API, from the jar. */
public final class OpenApiRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/openapi.yaml");

  /** Class path location of the document. */
  public static final String RESOURCE = "io/cairn/server/openapi.yaml";

  private final byte[] document =
      ClassPathFiles.read(RESOURCE)
          .orElseThrow(() -> new IllegalStateException("missing class path resource " + RESOURCE));

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!new QueryStringDecoder(request.uri()).path().equals("/openapi.yaml")) {
      return false;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    HttpResponses.send(
        ctx, request, HttpResponseStatus.OK, "application/yaml; charset=utf-8", document);
    return true;
  }
}
