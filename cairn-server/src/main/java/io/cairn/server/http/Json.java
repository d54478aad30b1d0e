package io.cairn.server.http;

import io.cairn.veltrix.JsonText;

/**
 * A small JSON text writer for HTTP responses: commas are placed by the writer, strings quoted by
 * {@link JsonText#quote}. Not for the player hot path, which writes JSON straight into buffers.
 */
final class Json {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean needComma;

  Json startObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  Json endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  Json startArray() {
    comma();
    sb.append('[');
    needComma = false;
    return this;
  }

  Json endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  Json name(String name) {
    comma();
    sb.append(JsonText.quote(name)).append(':');
    needComma = false;
    return this;
  }

  Json string(String value) {
    comma();
    sb.append(JsonText.quote(value));
    needComma = true;
    return this;
  }

  Json number(long value) {
    comma();
    sb.append(value);
    needComma = true;
    return this;
  }

  Json bool(boolean value) {
    comma();
    sb.append(value);
    needComma = true;
    return this;
  }

  Json nullValue() {
    comma();
    sb.append("null");
    needComma = true;
    return this;
  }

  /** Epoch milliseconds, or null when the time is not set. */
  Json timeMs(long epochMs, long noTime) {
    return epochMs == noTime ? nullValue() : number(epochMs);
  }

  /** Already encoded JSON, written as one value. */
  Json raw(String json) {
    comma();
    sb.append(json);
    needComma = true;
    return this;
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  /** {@code {"error":{"code":...,"message":...}}}. */
  static String error(String code, String message) {
    return new Json()
        .startObject()
        .name("error")
        .startObject()
        .name("code")
        .string(code)
        .name("message")
        .string(message)
        .endObject()
        .endObject()
        .toString();
  }
}
