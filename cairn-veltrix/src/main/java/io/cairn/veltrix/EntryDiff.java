package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The puzzle and treasure part of a reload diff. Entries are matched by id, not position, because
 * the engine remaps team state by id; a change is located at the entry's index in the new file (the
 * old file's for a removal).
 */
final class EntryDiff {
  private static final String SOLVED = "a team has already solved it";
  private static final String CLAIMED = "a team has already claimed it";

  private EntryDiff() {}

  static void puzzles(
      HuntSnapshot running, HuntSnapshot next, HuntProgress progress, ReloadChanges changes) {
    for (Puzzle old : running.puzzles()) {
      int nextIndex = next.puzzleIndex(old.id());
      boolean solved = progress.puzzleSolved(old.id());
      if (nextIndex < 0) {
        changes.guarded(
            "puzzles[" + old.index() + "]", "puzzle '" + old.id() + "' is removed", solved, SOLVED);
        continue;
      }
      Puzzle now = next.puzzle(nextIndex);
      String at = "puzzles[" + nextIndex + "].";
      String of = " of puzzle '" + old.id() + "'";
      if (!old.title().equals(now.title())) {
        changes.safe(at + "title", "title" + of + " changes");
      }
      if (!old.text().equals(now.text())) {
        changes.safe(at + "text", "text" + of + " changes");
      }
      if (old.points() != now.points()) {
        changes.guarded(
            at + "points",
            "points" + of + " change from " + old.points() + " to " + now.points(),
            solved,
            SOLVED);
      }
      if (!old.normalizedAnswers().equals(now.normalizedAnswers())) {
        changes.guarded(at + "answers", "answers" + of + " change", solved, SOLVED);
      }
      if (!patternSources(old.answerPatterns()).equals(patternSources(now.answerPatterns()))) {
        changes.guarded(at + "answer-patterns", "answer-patterns" + of + " change", solved, SOLVED);
      }
      if (!old.partials().equals(now.partials())) {
        changes.safe(at + "partial", "partial answers" + of + " change");
      }
      if (!old.hints().equals(now.hints())) {
        changes.safe(at + "hints", "hints" + of + " change");
      }
      if (!puzzleIds(running, old.requires()).equals(puzzleIds(next, now.requires()))) {
        changes.safe(at + "requires", "requires" + of + " changes");
      }
    }
    for (Puzzle now : next.puzzles()) {
      if (running.puzzleIndex(now.id()) < 0) {
        changes.safe("puzzles[" + now.index() + "]", "new puzzle '" + now.id() + "'");
      }
    }
  }

  static void treasures(
      HuntSnapshot running, HuntSnapshot next, HuntProgress progress, ReloadChanges changes) {
    for (Treasure old : running.treasures()) {
      int nextIndex = next.treasureIndex(old.id());
      boolean claimed = progress.treasureClaimed(old.id());
      if (nextIndex < 0) {
        changes.guarded(
            "treasures[" + old.index() + "]",
            "treasure '" + old.id() + "' is removed",
            claimed,
            CLAIMED);
        continue;
      }
      Treasure now = next.treasure(nextIndex);
      String at = "treasures[" + nextIndex + "].";
      String of = " of treasure '" + old.id() + "'";
      if (!old.name().equals(now.name())) {
        changes.safe(at + "name", "name" + of + " changes");
      }
      moved(at + "lat", "lat" + of, old.lat(), now.lat(), claimed, changes);
      moved(at + "lon", "lon" + of, old.lon(), now.lon(), claimed, changes);
      moved(at + "radius-m", "radius-m" + of, old.radiusM(), now.radiusM(), claimed, changes);
      if (old.points() != now.points()) {
        changes.guarded(
            at + "points",
            "points" + of + " change from " + old.points() + " to " + now.points(),
            claimed,
            CLAIMED);
      }
      if (!old.normalizedCode().equals(now.normalizedCode())) {
        changes.safe(at + "code", "code" + of + " changes");
      }
      if (!puzzleIds(running, old.requires()).equals(puzzleIds(next, now.requires()))) {
        changes.safe(at + "requires", "requires" + of + " changes");
      }
    }
    for (Treasure now : next.treasures()) {
      if (running.treasureIndex(now.id()) < 0) {
        changes.safe("treasures[" + now.index() + "]", "new treasure '" + now.id() + "'");
      }
    }
  }

  private static void moved(
      String keyPath, String what, double old, double now, boolean claimed, ReloadChanges changes) {
    if (Double.compare(old, now) != 0) {
      changes.guarded(
          keyPath,
          what + " changes from " + ReloadChanges.number(old) + " to " + ReloadChanges.number(now),
          claimed,
          CLAIMED);
    }
  }

  private static List<String> patternSources(List<Pattern> patterns) {
    List<String> sources = new ArrayList<>();
    for (Pattern p : patterns) {
      sources.add(p.flags() + "/" + p.pattern());
    }
    return sources;
  }

  private static List<String> puzzleIds(HuntSnapshot hunt, IntList indexes) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < indexes.size(); i++) {
      ids.add(hunt.puzzle(indexes.get(i)).id());
    }
    return ids;
  }
}
