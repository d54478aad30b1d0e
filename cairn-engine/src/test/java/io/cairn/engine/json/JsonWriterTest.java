package io.cairn.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.agrona.ExpandableDirectByteBuffer;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(16);
  private final JsonWriter writer = new JsonWriter();

  private JsonNode parse() throws Exception {
    byte[] bytes = new byte[writer.length()];
    buffer.getBytes(0, bytes);
    return MAPPER.readTree(bytes);
  }

  private String text() {
    return buffer.getStringWithoutLengthUtf8(0, writer.length());
  }

  @Test
  void writesNestedObjectsAndArraysThatParse() throws Exception {
    writer.wrap(buffer, 0).startObject().field("re", 7).field("ok", true).name("top").startArray();
    for (int i = 1; i <= 3; i++) {
      writer.startObject().field("rank", i).field("team", "t" + i).endObject();
    }
    writer.endArray().name("you").startObject().field("score", -12).endObject();
    writer.name("none").nullValue().name("empty").startArray().endArray().endObject();

    JsonNode node = parse();
    assertThat(node.get("re").asLong()).isEqualTo(7);
    assertThat(node.get("ok").asBoolean()).isTrue();
    assertThat(node.get("top")).hasSize(3);
    assertThat(node.get("top").get(2).get("team").asText()).isEqualTo("t3");
    assertThat(node.get("you").get("score").asLong()).isEqualTo(-12);
    assertThat(node.get("none").isNull()).isTrue();
    assertThat(node.get("empty")).isEmpty();
    assertThat(text()).doesNotContain(" ");
  }

  @Test
  void escapesQuotesBackslashesAndEveryControlCharacter() throws Exception {
    StringBuilder s = new StringBuilder("say \"hi\" \\ / ");
    for (char c = 0; c < 0x20; c++) {
      s.append(c);
    }
    s.append('\u007f');
    writer.wrap(buffer, 0).startObject().field("m", s).endObject();

    assertThat(parse().get("m").asText()).isEqualTo(s.toString());
    assertThat(text()).contains("\\n", "\\t", "\\u0000", "\\u001f", "\\\"", "\\\\");
  }

  @Test
  void writesNonAsciiAsUtf8() throws Exception {
    String s = "Zoë über 北京 🦊 \u2028";
    writer.wrap(buffer, 0).startArray().string(s).endArray();

    assertThat(parse().get(0).asText()).isEqualTo(s);
    byte[] bytes = new byte[writer.length()];
    buffer.getBytes(0, bytes);
    assertThat(bytes).isEqualTo(("[\"" + s + "\"]").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesLoneSurrogatesAsReplacementCharacters() throws Exception {
    writer.wrap(buffer, 0).startArray().string("a\uD800b").endArray();

    assertThat(parse().get(0).asText()).isEqualTo("a\uFFFDb");
  }

  @Test
  void writesExtremeLongs() throws Exception {
    writer
        .wrap(buffer, 0)
        .startArray()
        .number(Long.MIN_VALUE)
        .number(Long.MAX_VALUE)
        .number(0)
        .endArray();

    JsonNode node = parse();
    assertThat(node.get(0).asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(node.get(1).asLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(text()).isEqualTo("[-9223372036854775808,9223372036854775807,0]");
  }

  @Test
  void writesCoordinatesWithSixDecimalsAndDistancesWithOne() {
    writer
        .wrap(buffer, 0)
        .startArray()
        .number(59.3251, JsonWriter.COORDINATE_DECIMALS)
        .number(-18.07110049, JsonWriter.COORDINATE_DECIMALS)
        .number(12.25, JsonWriter.DISTANCE_DECIMALS)
        .number(0.04, JsonWriter.DISTANCE_DECIMALS)
        .number(-0.04, JsonWriter.DISTANCE_DECIMALS)
        .number(149.96, JsonWriter.DISTANCE_DECIMALS)
        .number(3.0, 0)
        .endArray();

    assertThat(text()).isEqualTo("[59.325100,-18.071100,12.3,0.0,0.0,150.0,3]");
  }

  @Test
  void writesNonFiniteDoublesAsNull() throws Exception {
    writer
        .wrap(buffer, 0)
        .startArray()
        .number(Double.NaN, 1)
        .number(Double.POSITIVE_INFINITY, 1)
        .endArray();

    assertThat(text()).isEqualTo("[null,null]");
  }

  @Test
  void growsForMessagesLargerThanItsScratchArray() throws Exception {
    String big = "é\"x".repeat(10_000);
    writer.wrap(buffer, 0).startObject().field("big", big).name("n").startArray();
    for (int i = 0; i < 5_000; i++) {
      writer.number(i);
    }
    writer.endArray().endObject();

    JsonNode node = parse();
    assertThat(node.get("big").asText()).isEqualTo(big);
    assertThat(node.get("n")).hasSize(5_000);
  }

  @Test
  void flushesAnUnclosedDocumentOnRequest() {
    writer.wrap(buffer, 0).startObject().field("a", 1).flush();

    assertThat(buffer.getStringWithoutLengthUtf8(0, writer.length())).isEqualTo("{\"a\":1");
  }

  @Test
  void copiesPreEncodedNamesAndValues() throws Exception {
    byte[] name = JsonWriter.encode("ti\"tle");
    byte[] value = JsonWriter.encode("Zoë\n🦊");
    writer.wrap(buffer, 0).startObject().name(name).encoded(value).field("n", 1).endObject();
    writer.wrap(buffer, 0).startObject().field("n", 1).name(name).encoded(value).endObject();

    JsonNode node = parse();
    assertThat(node.get("ti\"tle").asText()).isEqualTo("Zoë\n🦊");
    assertThat(node.get("n").asInt()).isEqualTo(1);
    assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("\"Zoë\\n🦊\"");
  }

  @Test
  void startsAgainCleanlyOnWrap() throws Exception {
    writer.wrap(buffer, 0).startObject().field("a", 1).endObject();
    writer.wrap(buffer, 0).startObject().field("b", 2).endObject();

    assertThat(text()).isEqualTo("{\"b\":2}");
  }

  @Test
  void writesAtAnOffset() {
    writer.wrap(buffer, 100).startObject().field("x", false).endObject();

    assertThat(writer.length()).isEqualTo(11);
    assertThat(buffer.getStringWithoutLengthUtf8(100, writer.length())).isEqualTo("{\"x\":false}");
  }
}
