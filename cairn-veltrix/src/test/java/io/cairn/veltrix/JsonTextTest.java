package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(JsonText.quote("say \"hi\"\\\n\t\u0001é"))
        .isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001é\"");
  }

  @Test
  void readsAnObjectWithNumbersNestedValuesAndNullsInDocumentOrder() {
    Map<String, Object> m =
        JsonText.readObject(
            "{\"z\": 1, \"a\": {\"p99\": 4.25, \"tiny\": 1.0E-4, \"big\": 3000000000},"
                + " \"list\": [true, null, \"x\\\"y\"]}");

    assertThat(m.keySet()).containsExactly("z", "a", "list");
    assertThat(m.get("z")).isEqualTo(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) m.get("a");
    assertThat(a.get("p99")).isEqualTo(4.25);
    assertThat(a.get("tiny")).isEqualTo(1.0E-4);
    assertThat(((Number) a.get("big")).longValue()).isEqualTo(3_000_000_000L);
    assertThat(m.get("list")).isEqualTo(java.util.Arrays.asList(true, null, "x\"y"));
  }

  @Test
  void refusesTextThatIsNotOneJsonObject() {
    assertThatThrownBy(() -> JsonText.readObject("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a JSON object");
    assertThatThrownBy(() -> JsonText.readObject("{\"a\": [1, }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }
}
