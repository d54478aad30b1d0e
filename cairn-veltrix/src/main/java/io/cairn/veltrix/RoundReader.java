package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code rounds} list and the {@code round} key of puzzles and treasures. Ids resolve and
 * times are compared later, once the whole file is read ({@link RoundRules}).
 */
final class RoundReader {
  private final Problems problems;

  RoundReader(Problems problems) {
    this.problems = problems;
  }

  /** The entries of {@code rounds}; none when the key is absent (one implicit round). */
  List<RoundDraft> read(MapReader root) {
    List<Node> items = root.list("rounds", "rounds (maps with id, title and starts-after)");
    Optional<Node> listed = root.get("rounds");
    if (listed.isPresent() && listed.get() instanceof SequenceNode s && s.getValue().isEmpty()) {
      problems.at(
          listed.get(),
          "rounds",
          "expected at least one round (leave rounds out for a hunt that is one round)");
    }
    List<RoundDraft> rounds = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "rounds[" + i + "]";
      Optional<MapReader> opened =
          MapReader.open(items.get(i), path, problems, HuntKeys.ROUND, "a round (a map)");
      if (opened.isEmpty()) {
        continue;
      }
      MapReader r = opened.get();
      String id = r.requiredId("id");
      String title = r.requiredText("title");
      long startsAfterMs = RoundDraft.UNKNOWN_MS;
      Node startsAfterNode = items.get(i);
      if (r.require("starts-after", Durations.EXPECTED)) {
        startsAfterNode = r.get("starts-after").orElseThrow();
        int before = problems.count();
        long ms = Values.durationMs(startsAfterNode, r.pathOf("starts-after"), problems);
        startsAfterMs = problems.count() == before ? ms : RoundDraft.UNKNOWN_MS;
      }
      rounds.add(
          new RoundDraft(
              id,
              r.get("id").orElse(items.get(i)),
              path,
              title,
              startsAfterMs,
              startsAfterNode,
              r.pathOf("starts-after")));
    }
    return rounds;
  }

  /** The {@code round} a puzzle or treasure names, if it names one. */
  static Optional<Ref> roundRef(MapReader r, Problems problems) {
    Optional<Node> node = r.get("round");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    return Values.string(node.get(), r.pathOf("round"), problems, "a round id")
        .map(id -> new Ref(id, node.get(), r.pathOf("round")));
  }
}
