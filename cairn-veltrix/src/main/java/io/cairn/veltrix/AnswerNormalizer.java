package io.cairn.veltrix;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds answers and guesses to the form they are compared in, so that "Fresnel Lens!", "fresnel
 * lens" and "FRESNEL-LENS" are the same answer: Unicode NFKD, diacritics removed, case folded, and
 * every character that is not a letter or a digit removed.
 *
 * <p>The engine runs this once per guess on its shard thread, so plain ASCII input (the usual case)
 * takes a path that allocates nothing beyond growing the caller's reused builder; only text with
 * other characters goes through {@link Normalizer}.
 */
public final class AnswerNormalizer {
  private AnswerNormalizer() {}

  /**
   * Writes the normalised form of {@code in} into {@code out}, which is cleared first. Allocation-
   * free for ASCII input when {@code out} has room.
   */
  public static void normalize(CharSequence in, StringBuilder out) {
    out.setLength(0);
    if (!isAscii(in)) {
      foldUnicode(in, out, false);
      return;
    }
    for (int i = 0, n = in.length(); i < n; i++) {
      char c = in.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        out.append(lowerAscii(c));
      }
    }
  }

  /** The normalised form of {@code in}, for compiling answers (allocates; not for the hot path). */
  public static String normalize(CharSequence in) {
    StringBuilder out = new StringBuilder(in.length());
    normalize(in, out);
    return out.toString();
  }

  /**
   * Writes what answer patterns are matched against: the same folding as {@link
   * #normalize(CharSequence, StringBuilder)}, in lower case, with every run of other characters
   * turned into one space and no space at either end ("Fresnel &nbsp;Lens!" gives "fresnel lens").
   * {@code out} is cleared first; allocation-free for ASCII input when it has room.
   */
  public static void normalizeForPattern(CharSequence in, StringBuilder out) {
    out.setLength(0);
    if (!isAscii(in)) {
      foldUnicode(in, out, true);
      return;
    }
    boolean gap = false;
    for (int i = 0, n = in.length(); i < n; i++) {
      char c = in.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.append(lowerAscii(c));
      } else {
        gap = true;
      }
    }
  }

  /** The pattern form of {@code in} (allocates; for tests and tools). */
  public static String normalizeForPattern(CharSequence in) {
    StringBuilder out = new StringBuilder(in.length());
    normalizeForPattern(in, out);
    return out.toString();
  }

  private static boolean isAscii(CharSequence in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      if (in.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * The general path: compatibility decomposition (so "ﬁ" is "fi" and "Ｆ" is "F"), combining marks
   * dropped without leaving a gap, then full case folding approximated by upper then lower case per
   * code point (so "ß" folds to "ss" and a final sigma to "σ").
   */
  private static void foldUnicode(CharSequence in, StringBuilder out, boolean keepGaps) {
    String decomposed = Normalizer.normalize(in, Normalizer.Form.NFKD);
    StringBuilder stripped = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (!isMark(cp)) {
        stripped.appendCodePoint(cp);
      }
    }
    String upper = stripped.toString().toUpperCase(Locale.ROOT);
    boolean gap = false;
    for (int i = 0; i < upper.length(); ) {
      int cp = upper.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (keepGaps && gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(Character.toLowerCase(cp));
      } else if (!isMark(cp)) {
        gap = true;
      }
    }
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
