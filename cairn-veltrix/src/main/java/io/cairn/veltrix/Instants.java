package io.cairn.veltrix;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 instants as hunt files write them: a date, a time and an offset ({@code
 * 2026-12-01T18:00:00Z}, {@code 2026-12-01T19:00:00+01:00}). An instant without an offset would
 * mean a different moment on every server, so it is refused rather than guessed.
 */
final class Instants {
  static final String EXPECTED = "an ISO-8601 instant with an offset such as 2026-12-01T18:00:00Z";

  /** Why an instant was refused, or none. */
  enum Verdict {
    OK,
    NO_OFFSET,
    MALFORMED
  }

  private Instants() {}

  static Verdict check(String text) {
    if (epochMsOrNoTime(text) != HuntSnapshot.NO_TIME) {
      return Verdict.OK;
    }
    try {
      LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return Verdict.NO_OFFSET;
    } catch (DateTimeParseException notLocalDateTime) {
      return Verdict.MALFORMED;
    }
  }

  /** Epoch milliseconds, or {@link HuntSnapshot#NO_TIME} when {@code text} is not an instant. */
  static long epochMsOrNoTime(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      return HuntSnapshot.NO_TIME;
    }
  }
}
