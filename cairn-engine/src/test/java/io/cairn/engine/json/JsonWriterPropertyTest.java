package io.cairn.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.command.CommandCodecPropertyTest;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.ExpandableDirectByteBuffer;

class JsonWriterPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64);
  private final JsonWriter writer = new JsonWriter();

  @Property(tries = 500)
  void writesAnyWellFormedStringAndLongSoThatAParserReadsThemBack(
      @ForAll String key, @ForAll String value, @ForAll long number) throws Exception {
    Assume.that(
        CommandCodecPropertyTest.wellFormed(key) && CommandCodecPropertyTest.wellFormed(value));
    writer.wrap(buffer, 0).startObject().field(key, value).name("n").number(number).endObject();
    byte[] bytes = new byte[writer.length()];
    buffer.getBytes(0, bytes);

    JsonNode node = MAPPER.readTree(bytes);
    if (!key.equals("n")) {
      assertThat(node.get(key).asText()).isEqualTo(value);
    }
    assertThat(node.get("n").asLong()).isEqualTo(number);
  }
}
