package io.cairn.veltrix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Veltrix durations: one or more amounts with a unit, largest unit first, each unit at most once
 * ({@code 250ms}, {@code 10s}, {@code 15m}, {@code 2h}, {@code 1h30m}).
 */
public final class Durations {
  /** What a duration looks like, for messages. */
  public static final String EXPECTED = "a duration such as 250ms, 10s, 15m, 2h or 1h30m";

  private static final Pattern FORM =
      Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m(?!s))?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");
  private static final long[] UNIT_MS = {3_600_000L, 60_000L, 1_000L, 1L};

  private Durations() {}

  /** The duration in milliseconds, or -1 when {@code text} is not a duration. */
  public static long parseMs(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long totalMs = 0;
    for (int group = 1; group <= 4; group++) {
      String amount = m.group(group);
      if (amount != null) {
        totalMs += Long.parseLong(amount) * UNIT_MS[group - 1];
      }
    }
    return totalMs;
  }

  /** The shortest Veltrix text for {@code ms} ({@code 1h30m}, {@code 250ms}, {@code 0s}). */
  public static String format(long ms) {
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long rest = ms;
    String[] units = {"h", "m", "s", "ms"};
    for (int i = 0; i < UNIT_MS.length; i++) {
      long amount = rest / UNIT_MS[i];
      if (amount > 0) {
        sb.append(amount).append(units[i]);
        rest -= amount * UNIT_MS[i];
      }
    }
    return sb.toString();
  }
}
