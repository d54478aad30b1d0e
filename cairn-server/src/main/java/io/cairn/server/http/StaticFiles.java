package io.cairn.server.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of one class path folder, read once and kept with their content type and ETag: the jar
 * does not change while the server runs. Only files found are kept, so requests for missing names
 * cannot grow the cache; only files with a known extension are served at all.
 */
final class StaticFiles {
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

  /** A file as served: {@code name} is relative to the folder. */
  record File(String name, String contentType, byte[] body, String etag) {}

  private final String root;
  private final Map<String, File> found = new ConcurrentHashMap<>();

  /** {@code root}: the class path folder, ending with a slash, without a leading one. */
  StaticFiles(String root) {
    this.root = root;
  }

  /** File {@code name} (relative to the folder), when it is safe, has a known type and exists. */
  Optional<File> find(String name) {
    File cached = found.get(name);
    if (cached != null) {
      return Optional.of(cached);
    }
    if (!safe(name)) {
      return Optional.empty();
    }
    Optional<String> type = contentType(name);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> body = ClassPathFiles.read(root + name);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    File file = new File(name, type.get(), body.get(), etag(body.get()));
    found.putIfAbsent(name, file);
    return Optional.of(file);
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
    return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** A strong ETag from the content: equal bytes, equal tag, across restarts and releases. */
  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
