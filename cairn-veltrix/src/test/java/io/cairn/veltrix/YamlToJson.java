package io.cairn.veltrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Test helper: a hunt file as the JSON value a schema validator sees, typed by the same YAML 1.2
 * core schema the compiler reads it with (so "100" stays a string and 100 a number).
 */
final class YamlToJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private YamlToJson() {}

  static JsonNode convert(String yaml) {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
    return convert(new Compose(settings).composeString(yaml).orElseThrow());
  }

  private static JsonNode convert(Node node) {
    if (node instanceof MappingNode mapping) {
      ObjectNode object = JSON.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        object.set(((ScalarNode) tuple.getKeyNode()).getValue(), convert(tuple.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JSON.arrayNode();
      for (Node item : sequence.getValue()) {
        array.add(convert(item));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (tag.equals(Tag.INT)) {
      return JSON.numberNode(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }
    if (tag.equals(Tag.FLOAT)) {
      return JSON.numberNode(new BigDecimal(text));
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
    }
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    return JSON.textNode(text);
  }
}
