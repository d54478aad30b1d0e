package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "250ms, 250",
    "10s, 10000",
    "15m, 900000",
    "2h, 7200000",
    "1h30m, 5400000",
    "1m500ms, 60500",
    "0s, 0",
    "1h2m3s4ms, 3723004",
    "90m, 5400000"
  })
  void parsesEveryUnitAndCombination(String text, long expectedMs) {
    assertThat(Durations.parseMs(text)).isEqualTo(expectedMs);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "15", "15 m", "15min", "m", "30m1h", "1h1h", "1.5h", "-5s", "15M", "1d"})
  void refusesWhatIsNotADuration(String text) {
    assertThat(Durations.parseMs(text)).isEqualTo(-1);
  }

  @Test
  void formatsTheShortestText() {
    assertThat(Durations.format(0)).isEqualTo("0s");
    assertThat(Durations.format(5_400_000)).isEqualTo("1h30m");
    assertThat(Durations.format(250)).isEqualTo("250ms");
    assertThat(Durations.format(3_723_004)).isEqualTo("1h2m3s4ms");
  }

  @Test
  void formattedTextParsesBack() {
    for (long ms : new long[] {1, 999, 1_000, 61_001, 3_600_000, 86_400_000, 123_456_789}) {
      assertThat(Durations.parseMs(Durations.format(ms))).isEqualTo(ms);
    }
  }
}
