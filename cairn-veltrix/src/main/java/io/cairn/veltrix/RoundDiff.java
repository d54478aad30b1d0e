package io.cairn.veltrix;

/**
 * The rounds part of a reload diff. A round that has not opened may change freely; one that has
 * opened may be retitled but not removed or retimed, since players have seen what it shows. A
 * puzzle or treasure may move between rounds, except a solved or claimed one into a round that has
 * not opened, which would hide what a team already earned.
 */
final class RoundDiff {
  private static final String OPENED = "the round has already opened";

  private RoundDiff() {}

  static void rounds(
      HuntSnapshot running, HuntSnapshot next, HuntProgress progress, ReloadChanges changes) {
    for (Round old : running.rounds()) {
      int nextIndex = next.roundIndex(old.id());
      boolean opened = progress.roundOpened(old.id());
      if (nextIndex < 0) {
        changes.guarded(
            "rounds[" + old.index() + "]", "round '" + old.id() + "' is removed", opened, OPENED);
        continue;
      }
      Round now = next.round(nextIndex);
      String at = "rounds[" + nextIndex + "].";
      if (!old.title().equals(now.title())) {
        changes.safe(at + "title", "title of round '" + old.id() + "' changes");
      }
      if (old.startsAfterMs() != now.startsAfterMs()) {
        changes.guarded(
            at + "starts-after",
            "round '"
                + old.id()
                + "' opens "
                + Durations.format(now.startsAfterMs())
                + " after the start instead of "
                + Durations.format(old.startsAfterMs()),
            opened,
            OPENED);
      }
    }
    for (Round now : next.rounds()) {
      if (running.roundIndex(now.id()) < 0) {
        changes.safe(
            "rounds[" + now.index() + "]",
            "new round '"
                + now.id()
                + "', opening "
                + Durations.format(now.startsAfterMs())
                + " after the start");
      }
    }
    moves(running, next, progress, changes);
  }

  private static void moves(
      HuntSnapshot running, HuntSnapshot next, HuntProgress progress, ReloadChanges changes) {
    for (Puzzle old : running.puzzles()) {
      int p = next.puzzleIndex(old.id());
      if (p >= 0) {
        moved(
            "puzzles[" + p + "].round",
            "puzzle '" + old.id() + "'",
            running,
            running.puzzleRound(old.index()),
            next,
            next.puzzleRound(p),
            progress.puzzleSolved(old.id()),
            "a team has already solved it",
            progress,
            changes);
      }
    }
    for (Treasure old : running.treasures()) {
      int t = next.treasureIndex(old.id());
      if (t >= 0) {
        moved(
            "treasures[" + t + "].round",
            "treasure '" + old.id() + "'",
            running,
            running.treasureRound(old.index()),
            next,
            next.treasureRound(t),
            progress.treasureClaimed(old.id()),
            "a team has already claimed it",
            progress,
            changes);
      }
    }
  }

  private static void moved(
      String keyPath,
      String what,
      HuntSnapshot running,
      int fromRound,
      HuntSnapshot next,
      int toRound,
      boolean earned,
      String earnedWhy,
      HuntProgress progress,
      ReloadChanges changes) {
    String from = roundName(running, fromRound);
    String to = roundName(next, toRound);
    if (from.equals(to)) {
      return;
    }
    boolean toOpened = toRound == 0 || progress.roundOpened(next.round(toRound).id());
    changes.guarded(
        keyPath,
        what + " moves from " + from + " to " + to,
        earned && !toOpened,
        earnedWhy + " and " + to + " has not opened");
  }

  private static String roundName(HuntSnapshot hunt, int round) {
    return hunt.hasRounds() ? "round '" + hunt.round(round).id() + "'" : "the hunt's only round";
  }
}
