package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code requires} ids to puzzle indexes, reporting ids that name no puzzle (with a "did
 * you mean") and cycles among puzzles, each cycle once, named in order ({@code a -> b -> a}).
 */
final class RequiresGraph {
  private static final byte UNSEEN = 0;
  private static final byte ON_PATH = 1;
  private static final byte DONE = 2;

  private final Map<String, Integer> puzzleIndexById;
  private final Problems problems;

  RequiresGraph(Map<String, Integer> puzzleIndexById, Problems problems) {
    this.puzzleIndexById = puzzleIndexById;
    this.problems = problems;
  }

  /** The indexes {@code refs} name, without repeats; unknown ids are reported and left out. */
  IntList resolve(List<Ref> refs) {
    Set<Integer> indexes = new LinkedHashSet<>();
    for (Ref ref : refs) {
      Integer index = puzzleIndexById.get(ref.id());
      if (index == null) {
        problems.at(
            ref.node(),
            ref.path(),
            Suggestions.withSuggestion(
                "'" + Values.shorten(ref.id()) + "' names no puzzle",
                ref.id(),
                puzzleIndexById.keySet()));
      } else {
        indexes.add(index);
      }
    }
    int[] values = new int[indexes.size()];
    int i = 0;
    for (int index : indexes) {
      values[i++] = index;
    }
    return IntList.of(values);
  }

  /** Reports every cycle among puzzles; {@code requires.get(i)} are the resolved edges of i. */
  void reportCycles(List<PuzzleDraft> puzzles, List<IntList> requires) {
    byte[] state = new byte[puzzles.size()];
    for (int start = 0; start < puzzles.size(); start++) {
      if (state[start] == UNSEEN) {
        visit(start, new ArrayList<>(), state, puzzles, requires);
      }
    }
  }

  private void visit(
      int puzzle,
      List<Integer> path,
      byte[] state,
      List<PuzzleDraft> puzzles,
      List<IntList> requires) {
    state[puzzle] = ON_PATH;
    path.add(puzzle);
    IntList edges = requires.get(puzzle);
    for (int e = 0; e < edges.size(); e++) {
      int next = edges.get(e);
      if (state[next] == ON_PATH) {
        report(path.subList(path.indexOf(next), path.size()), puzzles);
      } else if (state[next] == UNSEEN) {
        visit(next, path, state, puzzles, requires);
      }
    }
    path.remove(path.size() - 1);
    state[puzzle] = DONE;
  }

  /** Names the cycle from its member that comes first in the file, at that member's requires. */
  private void report(List<Integer> cycle, List<PuzzleDraft> puzzles) {
    int first = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i) < cycle.get(first)) {
        first = i;
      }
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i <= cycle.size(); i++) {
      names
          .append(i == 0 ? "" : " -> ")
          .append(puzzles.get(cycle.get((first + i) % cycle.size())).id());
    }
    PuzzleDraft from = puzzles.get(cycle.get(first));
    String to = puzzles.get(cycle.get((first + 1) % cycle.size())).id();
    for (Ref ref : from.requires()) {
      if (ref.id().equals(to)) {
        problems.at(ref.node(), ref.path(), "requires forms a cycle: " + names);
        return;
      }
    }
  }
}
