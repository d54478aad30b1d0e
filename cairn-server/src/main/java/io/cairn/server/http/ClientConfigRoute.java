package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.cairn.veltrix.settings.ServerSettings;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * {@code GET /api/client-config}: what the web pages need from the server's settings, so that the
 * operator chooses the map tiles ({@code map-tiles-url}, {@code map-attribution}) without
 * rebuilding the pages. Public: nothing in it is secret.
 */
public final class ClientConfigRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/api/client-config");

  private final String json;

  public ClientConfigRoute(String mapTilesUrl, String mapAttribution) {
    this.json =
        new Json()
            .startObject()
            .name("mapTilesUrl")
            .string(mapTilesUrl)
            .name("mapAttribution")
            .string(mapAttribution)
            .endObject()
            .toString();
  }

  public static ClientConfigRoute from(ServerSettings settings) {
    return new ClientConfigRoute(settings.mapTilesUrl(), settings.mapAttribution());
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!new QueryStringDecoder(request.uri()).path().equals(PATHS.getFirst())) {
      return false;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    HttpResponses.json(ctx, request, HttpResponseStatus.OK, json);
    return true;
  }
}
