package io.cairn.veltrix;

import java.util.List;
import java.util.Map;

/**
 * The rules that tie rounds to the rest of the file: rounds open in the listed order, the first one
 * at the start and every one before the hunt's end; a {@code round} names a listed round; and a
 * {@code requires} never names a puzzle of a later round, which would keep the requiring puzzle or
 * treasure locked past its own round's opening.
 */
final class RoundRules {
  private final List<RoundDraft> rounds;
  private final boolean listed;
  private final Map<String, Integer> roundIndexById;
  private final Problems problems;

  /**
   * @param listed whether the file has a {@code rounds} key (even a broken one)
   */
  RoundRules(
      List<RoundDraft> rounds,
      boolean listed,
      Map<String, Integer> roundIndexById,
      Problems problems) {
    this.rounds = rounds;
    this.listed = listed;
    this.roundIndexById = roundIndexById;
    this.problems = problems;
  }

  /** Reports a first round that does not open at the start, an order out of time, a late round. */
  void checkTimes(long startsAtMs, long endsAtMs) {
    long lengthMs =
        startsAtMs != HuntSnapshot.NO_TIME
                && endsAtMs != HuntSnapshot.NO_TIME
                && endsAtMs > startsAtMs
            ? endsAtMs - startsAtMs
            : -1;
    long previousMs = RoundDraft.UNKNOWN_MS;
    for (int i = 0; i < rounds.size(); i++) {
      RoundDraft r = rounds.get(i);
      long ms = r.startsAfterMs();
      if (ms == RoundDraft.UNKNOWN_MS) {
        continue;
      }
      if (i == 0 && ms != 0) {
        report(
            r,
            "expected 0s for the first round (it opens when the hunt starts), found "
                + Durations.format(ms));
      } else if (i > 0 && previousMs != RoundDraft.UNKNOWN_MS && ms <= previousMs) {
        report(
            r,
            "expected a time after "
                + Durations.format(previousMs)
                + ", when the round before opens (rounds open in the order they are listed), found "
                + Durations.format(ms));
      } else if (i > 0 && lengthMs >= 0 && ms >= lengthMs) {
        report(
            r,
            "expected a time before the hunt's end, "
                + Durations.format(lengthMs)
                + " after its start (starts-at to ends-at), found "
                + Durations.format(ms)
                + ": the round would never open");
      }
      previousMs = ms;
    }
  }

  private void report(RoundDraft r, String message) {
    problems.at(r.startsAfterNode(), r.startsAfterPath(), message);
  }

  /** The round index of each item (0, the first round, when it names none). */
  int[] resolve(List<? extends RoundMember> items) {
    int[] roundOf = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Ref ref = items.get(i).round().orElse(null);
      if (ref == null) {
        continue;
      }
      if (!listed) {
        problems.at(
            ref.node(),
            ref.path(),
            "'"
                + Values.shorten(ref.id())
                + "' names no round: the hunt has no rounds list (add rounds at the top of the"
                + " file, or leave round out)");
        continue;
      }
      Integer index = roundIndexById.get(ref.id());
      if (index != null) {
        roundOf[i] = index;
      } else if (!roundIndexById.isEmpty()) {
        problems.at(
            ref.node(),
            ref.path(),
            Suggestions.withSuggestion(
                "'" + Values.shorten(ref.id()) + "' names no round",
                ref.id(),
                roundIndexById.keySet()));
      }
    }
    return roundOf;
  }

  /**
   * Reports each {@code requires} entry that names a puzzle of a later round than the item's own.
   *
   * @param roundOf the round of each item, {@code puzzleRounds} that of each puzzle
   */
  void checkRequires(
      List<? extends Requiring> items,
      int[] roundOf,
      String kind,
      Map<String, Integer> puzzleIndexById,
      int[] puzzleRounds) {
    for (int i = 0; i < items.size(); i++) {
      for (Ref ref : items.get(i).requires()) {
        Integer required = puzzleIndexById.get(ref.id());
        if (required == null || puzzleRounds[required] <= roundOf[i]) {
          continue;
        }
        problems.at(
            ref.node(),
            ref.path(),
            "'"
                + ref.id()
                + "' is a puzzle of round '"
                + rounds.get(puzzleRounds[required]).id()
                + "', which opens after this "
                + kind
                + "'s round '"
                + rounds.get(roundOf[i]).id()
                + "': the "
                + kind
                + " could not be unlocked when its round opens (requires may name only puzzles of"
                + " the same or an earlier round)");
      }
    }
  }
}
