package io.cairn.server.http;

import io.cairn.engine.hunt.HuntDirectory;
import io.cairn.engine.hunt.HuntStatus;
import io.cairn.engine.hunt.HuntView;
import io.cairn.server.HttpRoute;
import io.cairn.veltrix.HuntSnapshot;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/hunts}: the public catalog, one object per hunt ({@code id}, {@code title},
 * {@code status} as the protocol names it, {@code startsAt} and {@code endsAt} in epoch
 * milliseconds or null, {@code players}, and {@code round}, the id of the latest open round, for a
 * hunt in rounds), sorted by id.
 */
public final class CatalogRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/api/hunts");

  private final HuntDirectory directory;

  public CatalogRoute(HuntDirectory directory) {
    this.directory = directory;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!new QueryStringDecoder(request.uri()).path().equals("/api/hunts")) {
      return false;
    }
    if (!request.method().equals(HttpMethod.GET)) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "use GET");
      return true;
    }
    HttpResponses.json(ctx, request, HttpResponseStatus.OK, catalog(directory));
    return true;
  }

  static List<HuntView> sorted(HuntDirectory directory) {
    List<HuntView> views = directory.views();
    views.sort(Comparator.comparing(HuntView::huntId));
    return views;
  }

  /**
   * Where the hunt takes place, for a client's map before the player has a position: the mean of
   * the treasures' positions rounded to 0.001 degrees (about 100 m), so it tells the area, not a
   * treasure; null for a hunt without treasures.
   */
  static void center(Json json, HuntSnapshot hunt) {
    int count = hunt.treasureCount();
    if (count == 0) {
      json.nullValue();
      return;
    }
    double lat = 0;
    double lon = 0;
    for (int i = 0; i < count; i++) {
      lat += hunt.treasure(i).lat();
      lon += hunt.treasure(i).lon();
    }
    json.raw(String.format(Locale.ROOT, "{\"lat\":%.3f,\"lon\":%.3f}", lat / count, lon / count));
  }

  static String catalog(HuntDirectory directory) {
    Json json = new Json().startArray();
    for (HuntView view : sorted(directory)) {
      HuntSnapshot hunt = view.snapshot();
      common(json.startObject(), view)
          .name("description")
          .string(hunt.description())
          .name("center");
      center(json, hunt);
      json.endObject();
    }
    return json.endArray().toString();
  }

  /**
   * The fields a hunt has in both the public catalog and the admin list (OpenAPI {@code
   * CatalogEntry}), written into an open object; {@code round} only for a hunt in rounds.
   */
  static Json common(Json json, HuntView view) {
    json.name("id")
        .string(view.huntId())
        .name("title")
        .string(view.snapshot().title())
        .name("status")
        .string(HuntStatus.name(view.status()))
        .name("startsAt")
        .timeMs(view.startsAtMs(), HuntSnapshot.NO_TIME)
        .name("endsAt")
        .timeMs(view.endsAtMs(), HuntSnapshot.NO_TIME)
        .name("players")
        .number(view.playerCount());
    String round = view.currentRound();
    if (!round.isEmpty()) {
      json.name("round").string(round);
    }
    return json;
  }
}
