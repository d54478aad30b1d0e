package io.cairn.engine.json;

import static io.cairn.engine.RandomInputs.anyLong;
import static io.cairn.engine.RandomInputs.anyString;
import static io.cairn.engine.RandomInputs.drawWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.RandomInputs;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.agrona.ExpandableDirectByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What JsonWriter writes, a JSON parser reads back (seeds: {@link RandomInputs}). */
class JsonWriterPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64);
  private final JsonWriter writer = new JsonWriter();

  /** Seeds 1 to 500, one case each. */
  static LongStream seeds() {
    return RandomInputs.seeds(500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesAnyWellFormedStringAndLongSoThatAParserReadsThemBack(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    String key = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    String value = drawWhere(() -> anyString(random, 255), RandomInputs::wellFormed);
    long number = anyLong(random);

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
