package io.cairn.server.http;

import io.cairn.server.HttpRoute;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static files of the web client from the class path folder {@code io/cairn/server/web/}: {@code
 * GET /} is {@code index.html}. Only files with a known extension are served, and a path with a
 * {@code ..}, {@code .} or empty segment, a backslash or a control character is refused (404), so
 * nothing outside the folder can be named. Meant to be the router's last route: it answers 404 for
 * every GET it cannot serve and leaves other methods to the router.
 */
public final class StaticRoute implements HttpRoute {
  public static final List<String> PATHS = List.of("/");

  static final String ROOT = "io/cairn/server/web/";

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("webmanifest", "application/manifest+json"));

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET)) {
      return false;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    String name = path.equals("/") ? "index.html" : path.substring(1);
    Optional<String> type = safe(name) ? contentType(name) : Optional.empty();
    Optional<byte[]> body = type.isPresent() ? ClassPathFiles.read(ROOT + name) : Optional.empty();
    if (body.isEmpty()) {
      HttpResponses.error(
          ctx, request, HttpResponseStatus.NOT_FOUND, "NOT_FOUND", "no such file " + path);
    } else {
      HttpResponses.send(ctx, request, HttpResponseStatus.OK, type.orElseThrow(), body.get());
    }
    return true;
  }

  /** Whether {@code name} stays inside the folder: plain segments only. */
  static boolean safe(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
        return false;
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  static Optional<String> contentType(String name) {
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    if (dot < 0 || dot < slash) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        TYPES.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)));
  }
}
