package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Optional;

/**
 * The web pages of module {@code cairn-web}, from the class path folder {@code web/}: {@code GET /}
 * is the player client {@code web/index.html}, {@code GET /admin} (and {@code /admin/}) the
 * organiser dashboard {@code web/admin.html} (the page itself is public; the admin API it calls
 * keeps its bearer token), and {@code GET /assets/**} the files under {@code web/assets/}. Every
 * other path answers 404, as does a path with a {@code ..}, {@code .} or empty segment, a
 * backslash, a control character or an unknown extension, so nothing outside the folder can be
 * named.
 *
 * <p>Pages are sent with {@code Cache-Control: no-cache} and our own assets too (a browser
 * revalidates them with the ETag and gets a body-less 304 when unchanged, so a new release is seen
 * at once); the pinned libraries under {@code assets/vendor/} may be cached for a day. Meant to be
 * the router's last route: it answers 404 for every GET it cannot serve and leaves other methods to
 * the router.
 */
public final class StaticRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/", "/admin", "/assets/{file}");

  static final String ROOT = "web/";
  private static final String ASSETS = "/assets/";
  private static final String VENDOR = "assets/vendor/";
  private static final String REVALIDATE = "no-cache";
  private static final String VENDOR_CACHE = "public, max-age=86400";

  private final StaticFiles files;

  public StaticRoute() {
    this(new StaticFiles(ROOT));
  }

  StaticRoute(StaticFiles files) {
    this.files = files;
  }

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET)) {
      return false;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    Optional<StaticFiles.File> file = fileName(path).flatMap(files::find);
    if (file.isEmpty()) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such file " + path);
      return true;
    }
    StaticFiles.File found = file.get();
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.set(HttpHeaderNames.ETAG, found.etag());
    headers.set(
        HttpHeaderNames.CACHE_CONTROL, found.name().startsWith(VENDOR) ? VENDOR_CACHE : REVALIDATE);
    headers.set("X-Content-Type-Options", "nosniff");
    if (found.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
      HttpResponses.notModified(ctx, HttpResponses.Target.of(request), headers);
    } else {
      HttpResponses.send(
          ctx,
          HttpResponses.Target.of(request),
          HttpResponseStatus.OK,
          found.contentType(),
          found.body(),
          headers);
    }
    return true;
  }

  /** The file under {@code web/} that URL path {@code path} names, if it may name one. */
  static Optional<String> fileName(String path) {
    if (path.equals("/")) {
      return Optional.of("index.html");
    }
    if (path.equals("/admin") || path.equals("/admin/")) {
      return Optional.of("admin.html");
    }
    if (path.startsWith(ASSETS) && StaticFiles.safe(path.substring(ASSETS.length()))) {
      return Optional.of(path.substring(1));
    }
    return Optional.empty();
  }
}
