package io.cairn.veltrix;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * JSON string literals for the few places that write JSON as text: the published schemas and {@code
 * cairn config --json}. The engine writes its JSON with its own allocation-free writer. Also reads
 * back the small JSON files Cairn writes itself (the summary of a bench run), with the YAML parser
 * Veltrix has anyway: JSON is YAML 1.2, so no JSON library is needed for it.
 */
public final class JsonText {
  /** Files read back are small; anything larger is refused before parsing. */
  private static final int MAX_READ_CODE_POINTS = 16 * 1024 * 1024;

  private JsonText() {}

  /**
   * The JSON object in {@code text} as maps (in document order), lists, strings, {@link Number}s,
   * booleans and nulls.
   *
   * @throws IllegalArgumentException when {@code text} is not one JSON object, saying why
   */
  @SuppressWarnings("unchecked") // an object of JSON text has string keys
  public static Map<String, Object> readObject(String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setSchema(new JsonSchema())
            .setCodePointLimit(MAX_READ_CODE_POINTS)
            .build();
    Object value;
    try {
      value = new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) map;
  }

  /** {@code text} as a JSON string literal, quotes included. */
  public static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
