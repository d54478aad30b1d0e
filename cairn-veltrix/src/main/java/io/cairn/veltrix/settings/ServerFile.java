package io.cairn.veltrix.settings;

import io.cairn.veltrix.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the text of a {@code cairn.yaml} server file into flat {@code key: value} entries with
 * their positions. Uses the YAML compose API (a node tree with marks) rather than loading into
 * maps, so every problem can name its line and column.
 */
final class ServerFile {

  /**
   * One {@code key: value} line.
   *
   * @param keyLine 1-based line of the key, where unknown keys are reported
   * @param valueLine 1-based line of the value, where bad values are reported
   */
  record Entry(
      String key, String value, int keyLine, int keyColumn, int valueLine, int valueColumn) {}

  /** What the file holds: the entries that are well formed, and a problem for each that is not. */
  record Contents(List<Entry> entries, List<Problem> problems) {}

  private ServerFile() {}

  static Contents parse(String sourceName, String yamlText) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Optional<Node> root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(sourceName).build()).composeString(yamlText);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String message = e.getProblem() != null ? e.getProblem() : e.getMessage();
      problems.add(
          new Problem(
              sourceName,
              mark.map(m -> m.getLine() + 1).orElse(0),
              mark.map(m -> m.getColumn() + 1).orElse(0),
              "",
              "not valid YAML: " + message));
      return new Contents(entries, problems);
    } catch (YamlEngineException e) {
      problems.add(new Problem(sourceName, 0, 0, "", "not valid YAML: " + e.getMessage()));
      return new Contents(entries, problems);
    }
    if (root.isEmpty() || isNull(root.get())) {
      return new Contents(entries, problems);
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      problems.add(
          at(
              sourceName,
              root.get(),
              "",
              "expected 'key: value' lines (a mapping) at the top level"));
      return new Contents(entries, problems);
    }
    Map<String, Integer> firstLineOfKey = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      Node valueNode = tuple.getValueNode();
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        problems.add(at(sourceName, keyNode, "", "a key must be a plain word such as board-tick"));
        continue;
      }
      String key = keyScalar.getValue();
      int keyLine = line(keyNode);
      Integer firstLine = firstLineOfKey.putIfAbsent(key, keyLine);
      if (firstLine != null) {
        problems.add(
            at(sourceName, keyNode, key, "is set twice (first on line " + firstLine + ")"));
        continue;
      }
      if (!(valueNode instanceof ScalarNode valueScalar)) {
        problems.add(
            at(sourceName, valueNode, key, "expected a single value, not a list or a mapping"));
        continue;
      }
      if (isNull(valueNode)) {
        problems.add(
            at(sourceName, keyNode, key, "has no value (remove the line to keep the default)"));
        continue;
      }
      entries.add(
          new Entry(
              key,
              valueScalar.getValue(),
              keyLine,
              column(keyNode),
              line(valueNode),
              column(valueNode)));
    }
    return new Contents(entries, problems);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static Problem at(String sourceName, Node node, String keyPath, String message) {
    return new Problem(sourceName, line(node), column(node), keyPath, message);
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private static int column(Node node) {
    return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }
}
