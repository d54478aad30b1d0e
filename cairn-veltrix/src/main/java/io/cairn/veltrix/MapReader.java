package io.cairn.veltrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML map of a hunt file, read key by key with its key path tracked. Opening it reports keys
 * it does not know (with a "did you mean"), keys given twice and keys that are not names; reading a
 * key reports a wrong type or a missing required key and falls back to a default, so that one pass
 * finds every problem of the file.
 */
final class MapReader {
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");

  private final MappingNode node;
  private final String path;
  private final Problems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private MapReader(MappingNode node, String path, Problems problems, List<String> knownKeys) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    Map<String, Node> keyNodes = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        problems.at(keyNode, path, "expected a key name, found " + Values.describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      Node first = keyNodes.get(key);
      if (first != null) {
        problems.at(
            keyNode,
            pathOf(key),
            "duplicate key '" + key + "' (first given at line " + lineOf(first) + ")");
        continue;
      }
      keyNodes.put(key, keyNode);
      if (!knownKeys.contains(key)) {
        problems.at(
            keyNode,
            pathOf(key),
            Suggestions.withSuggestion("unknown key '" + key + "'", key, knownKeys)
                + "; expected one of: "
                + String.join(", ", knownKeys));
        continue;
      }
      values.put(key, tuple.getValueNode());
    }
  }

  /** Opens {@code node} as a map, or reports that a map was expected. */
  static Optional<MapReader> open(
      Node node, String path, Problems problems, List<String> knownKeys, String ofWhat) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new MapReader(mapping, path, problems, knownKeys));
    }
    problems.at(node, path, "expected " + ofWhat + ", found " + Values.describe(node));
    return Optional.empty();
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Optional<Node> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** Reports a required key that is absent; true when it is present. */
  boolean require(String key, String expected) {
    if (values.containsKey(key)) {
      return true;
    }
    problems.at(node, pathOf(key), "missing required key '" + key + "' (" + expected + ")");
    return false;
  }

  String text(String key, String defaultValue) {
    Node value = values.get(key);
    return value == null
        ? defaultValue
        : Values.text(value, pathOf(key), problems).orElse(defaultValue);
  }

  String requiredText(String key) {
    return require(key, "a string") ? text(key, "") : "";
  }

  /** A required id of the form {@code [a-z0-9-]{1,40}}, or "" after reporting why not. */
  String requiredId(String key) {
    if (!require(key, "an id of 1 to 40 characters a-z, 0-9 or '-'")) {
      return "";
    }
    Node value = values.get(key);
    String expected = "an id of 1 to 40 characters a-z, 0-9 or '-'";
    String id = Values.string(value, pathOf(key), problems, expected).orElse(null);
    if (id == null) {
      return "";
    }
    if (!ID.matcher(id).matches()) {
      problems.at(
          value, pathOf(key), "expected " + expected + ", found '" + Values.shorten(id) + "'");
      return "";
    }
    return id;
  }

  int integer(String key, int defaultValue, int min) {
    Node value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    OptionalInt read = Values.integer(value, pathOf(key), problems, min);
    return read.isPresent() ? read.getAsInt() : defaultValue;
  }

  int requiredInteger(String key, int min) {
    return require(key, "an integer >= " + min) ? integer(key, 0, min) : 0;
  }

  double number(String key, double defaultValue, double min, double max) {
    Node value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    OptionalDouble read = Values.number(value, pathOf(key), problems, min, max);
    return read.isPresent() ? read.getAsDouble() : defaultValue;
  }

  double requiredNumber(String key, double min, double max) {
    String expected =
        max == Double.MAX_VALUE
            ? "a number >= " + Values.plain(min)
            : "a number between " + Values.plain(min) + " and " + Values.plain(max);
    return require(key, expected) ? number(key, 0, min, max) : 0;
  }

  /** The items of a list, or none when the key is absent or not a list. */
  List<Node> list(String key, String ofWhat) {
    Node value = values.get(key);
    if (value == null) {
      return List.of();
    }
    return Values.list(value, pathOf(key), problems, ofWhat).orElse(List.of());
  }

  /** A nested map, or none when the key is absent or not a map. */
  Optional<MapReader> map(String key, List<String> knownKeys, String ofWhat) {
    Node value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    return open(value, pathOf(key), problems, knownKeys, ofWhat);
  }

  static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }
}
