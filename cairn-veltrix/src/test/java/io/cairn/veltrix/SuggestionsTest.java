package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsTheClosestKeyForATypo() {
    assertThat(Suggestions.closest("scan-raduis-m", List.of("scan-radius-m", "max-players")))
        .contains("scan-radius-m");
  }

  @Test
  void suggestsNothingWhenNoKeyIsClose() {
    assertThat(Suggestions.closest("colour", List.of("scan-radius-m", "max-players"))).isEmpty();
  }

  @Test
  void countsASwapOfTwoLettersAsOneEdit() {
    assertThat(Suggestions.distance("tilte", "title")).isEqualTo(1);
  }
}
