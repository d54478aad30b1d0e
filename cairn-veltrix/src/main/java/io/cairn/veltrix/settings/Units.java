package io.cairn.veltrix.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two unit syntaxes of Veltrix: sizes ({@code 4KiB}, {@code 64MiB}, and the JVM's {@code 1g})
 * and durations ({@code 250ms}, {@code 15m}, {@code 2h}). Binary units only: {@code MB} is refused
 * because half of the world reads it as 10^6 and the other half as 2^20.
 */
final class Units {
  static final long KIB = 1L << 10;
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;
  static final long TIB = 1L << 40;

  static final long NS_PER_US = 1_000L;
  static final long NS_PER_MS = 1_000_000L;
  static final long NS_PER_S = 1_000_000_000L;
  static final long NS_PER_M = 60 * NS_PER_S;
  static final long NS_PER_H = 60 * NS_PER_M;
  static final long NS_PER_D = 24 * NS_PER_H;

  /** Written into the JSON Schema too, so editors check the same syntax. */
  static final String SIZE_PATTERN = "^[0-9]+(B|KiB|MiB|GiB|TiB|[kKmMgGtT])?$";

  static final String DURATION_PATTERN = "^[0-9]+(ns|us|ms|s|m|h|d)$";

  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([0-9]+)([A-Za-z]*)");

  private Units() {}

  static Parsed parseSize(String text) {
    Matcher m = NUMBER_AND_UNIT.matcher(text);
    if (!m.matches()) {
      return new Parsed.Invalid(
          "expected a size such as 4KiB, 64MiB or 1g (a whole number with a binary unit), got '"
              + text
              + "'");
    }
    String unit = m.group(2);
    long multiplier =
        switch (unit) {
          case "", "B" -> 1;
          case "KiB", "k", "K" -> KIB;
          case "MiB", "m", "M" -> MIB;
          case "GiB", "g", "G" -> GIB;
          case "TiB", "t", "T" -> TIB;
          default -> 0;
        };
    if (multiplier == 0) {
      String upper = unit.toUpperCase(Locale.ROOT);
      if (upper.length() == 2 && upper.endsWith("B") && "KMGT".indexOf(upper.charAt(0)) >= 0) {
        return new Parsed.Invalid(
            "'"
                + unit
                + "' is ambiguous: write "
                + upper.charAt(0)
                + "iB for "
                + binaryName(upper.charAt(0))
                + " bytes");
      }
      return new Parsed.Invalid(
          "unknown size unit '" + unit + "' in '" + text + "': use B, KiB, MiB, GiB or TiB");
    }
    return scaled(text, m.group(1), multiplier, "size");
  }

  static Parsed parseDuration(String text) {
    Matcher m = NUMBER_AND_UNIT.matcher(text);
    if (!m.matches()) {
      return new Parsed.Invalid(
          "expected a duration such as 250ms, 15m or 2h (a whole number with a unit), got '"
              + text
              + "'");
    }
    String unit = m.group(2);
    if (unit.isEmpty()) {
      return new Parsed.Invalid(
          "a duration needs a unit: write " + text + "ms, " + text + "s or " + text + "m");
    }
    long multiplier =
        switch (unit) {
          case "ns" -> 1;
          case "us" -> NS_PER_US;
          case "ms" -> NS_PER_MS;
          case "s" -> NS_PER_S;
          case "m" -> NS_PER_M;
          case "h" -> NS_PER_H;
          case "d" -> NS_PER_D;
          default -> 0;
        };
    if (multiplier == 0) {
      return new Parsed.Invalid(
          "unknown duration unit '" + unit + "' in '" + text + "': use ns, us, ms, s, m, h or d");
    }
    return scaled(text, m.group(1), multiplier, "duration");
  }

  /** The shortest exact text for a byte count: {@code 4194304} becomes {@code 4MiB}. */
  static String formatBytes(long bytes) {
    if (bytes != 0) {
      if (bytes % TIB == 0) {
        return bytes / TIB + "TiB";
      }
      if (bytes % GIB == 0) {
        return bytes / GIB + "GiB";
      }
      if (bytes % MIB == 0) {
        return bytes / MIB + "MiB";
      }
      if (bytes % KIB == 0) {
        return bytes / KIB + "KiB";
      }
    }
    return bytes + "B";
  }

  /** The shortest exact text for a duration: {@code 300_000_000_000} becomes {@code 5m}. */
  static String formatNs(long ns) {
    if (ns != 0) {
      if (ns % NS_PER_D == 0) {
        return ns / NS_PER_D + "d";
      }
      if (ns % NS_PER_H == 0) {
        return ns / NS_PER_H + "h";
      }
      if (ns % NS_PER_M == 0) {
        return ns / NS_PER_M + "m";
      }
      if (ns % NS_PER_S == 0) {
        return ns / NS_PER_S + "s";
      }
      if (ns % NS_PER_MS == 0) {
        return ns / NS_PER_MS + "ms";
      }
      if (ns % NS_PER_US == 0) {
        return ns / NS_PER_US + "us";
      }
    }
    return ns + "ns";
  }

  private static Parsed scaled(String text, String digits, long multiplier, String what) {
    try {
      return new Parsed.Value(Math.multiplyExact(Long.parseLong(digits), multiplier), text);
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      return new Parsed.Invalid("the " + what + " '" + text + "' is too large");
    }
  }

  private static String binaryName(char prefix) {
    return switch (prefix) {
      case 'K' -> "1024";
      case 'M' -> "1024×1024";
      case 'G' -> "1024^3";
      default -> "1024^4";
    };
  }
}
