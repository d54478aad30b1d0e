package io.cairn.veltrix;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for mistyped keys and ids: the closest known word by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The known word closest to {@code typed}, if it is close enough to be a plausible typo: at most
   * a third of the typed length in edits (and at least one).
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(typed, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, typed.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Appends {@code " (did you mean 'x'?)"} to {@code message} when a suggestion exists. */
  public static String withSuggestion(String message, String typed, Collection<String> known) {
    return closest(typed, known).map(s -> message + " (did you mean '" + s + "'?)").orElse(message);
  }

  /** Damerau-Levenshtein distance (optimal string alignment), so swapped letters count once. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
