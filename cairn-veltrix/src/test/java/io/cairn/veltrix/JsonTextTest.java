package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(JsonText.quote("say \"hi\"\\\n\t\u0001é"))
        .isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001é\"");
  }
}
