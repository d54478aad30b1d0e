package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {
  @Test
  void readsInstantsWithAnOffset() {
    long utc = Instant.parse("2026-12-01T18:00:00Z").toEpochMilli();
    assertThat(Instants.epochMsOrNoTime("2026-12-01T18:00:00Z")).isEqualTo(utc);
    assertThat(Instants.epochMsOrNoTime("2026-12-01T19:00:00+01:00")).isEqualTo(utc);
    assertThat(Instants.epochMsOrNoTime("2026-12-01T18:00Z")).isEqualTo(utc);
    assertThat(Instants.epochMsOrNoTime("2026-12-01T18:00:00.250Z")).isEqualTo(utc + 250);
  }

  @Test
  void tellsAMissingOffsetFromSomethingElse() {
    assertThat(Instants.check("2026-12-01T18:00:00Z")).isEqualTo(Instants.Verdict.OK);
    assertThat(Instants.check("2026-12-01T18:00:00")).isEqualTo(Instants.Verdict.NO_OFFSET);
    assertThat(Instants.check("2026-12-01")).isEqualTo(Instants.Verdict.MALFORMED);
    assertThat(Instants.check("next tuesday")).isEqualTo(Instants.Verdict.MALFORMED);
    assertThat(Instants.check("2026-13-01T18:00:00Z")).isEqualTo(Instants.Verdict.MALFORMED);
  }
}
