package io.cairn.server.http;

import io.netty.handler.codec.http.FullHttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The message of an announce request: the body itself as plain text, or the {@code message} string
 * of a JSON object when the body is one. A hand-written reader for this one field keeps a JSON
 * library off the server's class path.
 */
final class AnnounceBody {
  private AnnounceBody() {}

  static String message(FullHttpRequest request) {
    String body = request.content().toString(StandardCharsets.UTF_8).strip();
    return body.startsWith("{") ? jsonMessage(body) : body;
  }

  /** The {@code message} string of a JSON object, or empty when there is none. */
  static String jsonMessage(String json) {
    int key = json.indexOf("\"message\"");
    if (key < 0) {
      return "";
    }
    int i = key + 9;
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != ':') {
      return "";
    }
    i++;
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != '"') {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (i++; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= json.length()) {
        return "";
      }
      char e = json.charAt(i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          if (i + 4 >= json.length()) {
            return "";
          }
          try {
            sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException bad) {
            return "";
          }
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return "";
  }
}
