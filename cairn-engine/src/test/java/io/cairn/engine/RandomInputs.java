package io.cairn.engine;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Seeds and small input generators for the property tests, which are plain parameterized JUnit
 * tests: each runs once per seed of a fixed list, builds a {@link SplittableRandom} from the seed
 * and draws its inputs from it. The seeds are the same on every run, so CI is reproducible, and a
 * failing case is named by its seed ({@code [17] seed 17}): the same seed draws the same inputs.
 *
 * <p>Numbers are drawn with a bias towards their edge values (bounds, zero, {@code MIN_VALUE},
 * {@code MAX_VALUE}, NaN, infinities, negative zero), where the bugs usually are.
 */
public final class RandomInputs {
  private static final long[] LONG_EDGES = {
    0,
    1,
    -1,
    2,
    -2,
    Long.MIN_VALUE,
    Long.MIN_VALUE + 1,
    Long.MAX_VALUE,
    Long.MAX_VALUE - 1,
    Integer.MIN_VALUE,
    Integer.MAX_VALUE,
    0xFFFF_FFFFL,
    1L << 53,
    -(1L << 53)
  };
  private static final double[] DOUBLE_EDGES = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    90.0,
    -90.0,
    180.0,
    -180.0
  };

  /** Characters JSON and the command codec treat specially: quotes, escapes, line separators. */
  private static final char[] SPECIAL_CHARS = {
    '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u007f', '\u2028', '\u2029', '\ufeff',
    '\uffff', '\ufffd'
  };

  private RandomInputs() {}

  /**
   * The seeds of a property: 1 to {@code count}. {@link SplittableRandom} mixes its seed, so
   * consecutive seeds draw unrelated inputs.
   */
  public static LongStream seeds(int count) {
    return LongStream.rangeClosed(1, count);
  }

  /**
   * Draws from {@code generator} until {@code assumption} holds: an assumption of the property
   * filters its inputs instead of skipping the case, so every seed checks the property.
   */
  public static <T> T drawWhere(Supplier<T> generator, Predicate<? super T> assumption) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      T value = generator.get();
      if (assumption.test(value)) {
        return value;
      }
    }
    throw new IllegalStateException("the assumption rejected 1000 inputs in a row");
  }

  /** Any long: one time in eight an edge value, otherwise of a random magnitude and sign. */
  public static long anyLong(SplittableRandom random) {
    if (random.nextInt(8) == 0) {
      return LONG_EDGES[random.nextInt(LONG_EDGES.length)];
    }
    return random.nextLong() >> random.nextInt(64);
  }

  /**
   * Any double but NaN: one time in eight an edge value, otherwise a random bit pattern (every
   * exponent and subnormals included) or an ordinary number of a random magnitude. NaN is left out
   * because AssertJ compares primitive doubles with {@code ==}, which no NaN passes.
   */
  public static double anyDouble(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
      case 1, 2, 3 -> drawWhere(() -> Double.longBitsToDouble(random.nextLong()), d -> !d.isNaN());
      default -> random.nextDouble(-1.0, 1.0) * Math.pow(10, random.nextInt(-6, 7));
    };
  }

  /** An int in {@code [min, max]}: one time in ten one of the bounds. */
  public static int intBetween(SplittableRandom random, int min, int max) {
    if (random.nextInt(10) == 0) {
      return random.nextBoolean() ? min : max;
    }
    return random.nextInt(min, max + 1);
  }

  /** A long in {@code [min, max]}: one time in ten one of the bounds. */
  public static long longBetween(SplittableRandom random, long min, long max) {
    if (random.nextInt(10) == 0) {
      return random.nextBoolean() ? min : max;
    }
    return random.nextLong(min, max + 1);
  }

  /**
   * Any UTF-16 string of at most {@code maxLength} chars (often short, sometimes empty): printable
   * ASCII, JSON specials, control characters, combining marks, other BMP characters, surrogate
   * pairs and, in one string in eight, a lone surrogate, so it is not always well-formed UTF-16.
   */
  public static String anyString(SplittableRandom random, int maxLength) {
    int length =
        switch (random.nextInt(8)) {
          case 0 -> 0;
          case 1, 2, 3 -> random.nextInt(Math.min(maxLength, 8) + 1);
          default -> random.nextInt(maxLength + 1);
        };
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      switch (random.nextInt(12)) {
        case 0, 1, 2, 3 -> s.append((char) random.nextInt(0x20, 0x7f));
        case 4 -> s.append(SPECIAL_CHARS[random.nextInt(SPECIAL_CHARS.length)]);
        case 5 ->
            s.append(
                random.nextBoolean()
                    ? (char) random.nextInt(0x20)
                    : (char) random.nextInt(0x7f, 0xa0));
        case 6 -> s.append((char) random.nextInt(0x300, 0x370));
        case 7 -> s.append((char) random.nextInt(0xa0, 0x250));
        case 8, 9 -> s.append(bmpNonSurrogate(random));
        default -> {
          if (s.length() + 2 <= length) {
            s.appendCodePoint(random.nextInt(0x10000, 0x110000));
          }
        }
      }
    }
    if (length > 0 && random.nextInt(8) == 0) {
      char lone =
          random.nextBoolean()
              ? (char) random.nextInt(0xd800, 0xdc00)
              : (char) random.nextInt(0xdc00, 0xe000);
      int at = random.nextInt(length);
      s.setCharAt(at, lone);
    }
    return s.toString();
  }

  private static char bmpNonSurrogate(SplittableRandom random) {
    int c = random.nextInt(0xa0, 0x10000 - 0x800);
    return (char) (c < 0xd800 ? c : c + 0x800);
  }

  /** Whether {@code s} is well-formed UTF-16: every surrogate is half of a high-low pair. */
  public static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
