package io.cairn.veltrix;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A puzzle as read from its file, before {@code requires} ids are resolved to indexes; it keeps the
 * positions that checks across the whole file still need.
 */
record PuzzleDraft(
    String id,
    Node idNode,
    String path,
    String title,
    String text,
    int points,
    List<String> normalizedAnswers,
    List<Pattern> answerPatterns,
    List<PartialAnswer> partials,
    List<HintDraft> hints,
    List<Ref> requires,
    Optional<Ref> round)
    implements Identified, RoundMember, Requiring {

  /** A hint with the position of its {@code after}, checked against the hunt's length. */
  record HintDraft(Hint hint, Node afterNode, String afterPath) {}

  Puzzle compile(int index, IntList requiredIndexes) {
    return new Puzzle(
        index,
        id,
        title,
        text,
        points,
        normalizedAnswers,
        answerPatterns,
        partials,
        hints.stream().map(HintDraft::hint).toList(),
        requiredIndexes);
  }
}
