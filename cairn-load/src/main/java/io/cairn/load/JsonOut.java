package io.cairn.load;

import io.cairn.veltrix.JsonText;
import java.util.List;
import java.util.Map;

/** Writes nested maps, lists, strings and numbers as indented JSON text (the summary file). */
final class JsonOut {
  private JsonOut() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder(4096);
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object value, int depth) {
    switch (value) {
      case null -> sb.append("null");
      case String s -> sb.append(JsonText.quote(s));
      case Double d -> sb.append(Double.isFinite(d) ? number(d) : "null");
      case Number n -> sb.append(n);
      case Boolean b -> sb.append(b);
      case Map<?, ?> m -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sb.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
          sb.append(JsonText.quote(String.valueOf(e.getKey()))).append(": ");
          write(sb, e.getValue(), depth + 1);
          first = false;
        }
        sb.append(first ? "}" : "\n" + "  ".repeat(depth) + "}");
      }
      case List<?> l -> {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          sb.append(i == 0 ? "" : ", ");
          write(sb, l.get(i), depth + 1);
        }
        sb.append(']');
      }
      default -> sb.append(JsonText.quote(value.toString()));
    }
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(Math.round(d * 1000.0) / 1000.0);
  }
}
