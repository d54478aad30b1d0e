package io.cairn.app.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol message (reply or push event) read into maps, lists, strings, doubles and booleans.
 * The replies are small and the bots are clients, so a tree per message is fine here; the engine
 * never sees this class.
 */
public final class Reply {
  private final Map<String, Object> fields;

  private Reply(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** Reads one JSON object; throws IllegalArgumentException when {@code json} is not one. */
  public static Reply parse(String json) {
    Parser parser = new Parser(json);
    Object value = parser.value();
    parser.skipSpace();
    if (!(value instanceof Map<?, ?>) || parser.pos != json.length()) {
      throw new IllegalArgumentException("not a JSON object: " + json);
    }
    return new Reply(asObject(value));
  }

  public boolean ok() {
    return Boolean.TRUE.equals(fields.get("ok"));
  }

  /** The {@code error.code} of a failed reply, or "" when the reply succeeded. */
  public String errorCode() {
    if (fields.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String c) {
      return c;
    }
    return "";
  }

  /** The push event's name ({@code ev}), or "" for a reply. */
  public String event() {
    return string("ev");
  }

  public boolean bool(String key) {
    return Boolean.TRUE.equals(fields.get(key));
  }

  /** A number field, or {@code missing} when absent. */
  public double number(String key, double missing) {
    return fields.get(key) instanceof Double d ? d : missing;
  }

  /** A string field, or "" when absent. */
  public String string(String key) {
    return fields.get(key) instanceof String s ? s : "";
  }

  /** A nested object, empty when absent. */
  public Reply object(String key) {
    return new Reply(fields.get(key) instanceof Map<?, ?> m ? asObject(m) : Map.of());
  }

  /** The objects of an array field, empty when absent. */
  public List<Reply> objects(String key) {
    List<Reply> out = new ArrayList<>();
    if (fields.get(key) instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          out.add(new Reply(asObject(m)));
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    return (Map<String, Object>) value;
  }

  @Override
  public String toString() {
    return fields.toString();
  }

  /** Recursive descent over RFC 8259 JSON, enough for what the engine writes. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      }
    }

    private Double number() {
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        throw error("unexpected character");
      }
      return Double.valueOf(text.substring(start, pos));
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        throw error("unexpected character");
      }
      pos += word.length();
      return value;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + pos + " of " + text);
    }
  }
}
