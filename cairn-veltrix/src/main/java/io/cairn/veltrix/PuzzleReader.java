package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one entry of {@code puzzles}: answers are stored normalised, patterns compiled, hint times
 * converted to milliseconds. Problems are reported, never thrown, so the rest of the file is still
 * checked.
 */
final class PuzzleReader {
  /**
   * Patterns ignore case, so that an organiser's {@code ^Fresnel} still matches the lower-case form
   * that guesses are folded to.
   */
  static final int PATTERN_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private final Problems problems;

  PuzzleReader(Problems problems) {
    this.problems = problems;
  }

  Optional<PuzzleDraft> read(Node node, String path) {
    Optional<MapReader> opened =
        MapReader.open(node, path, problems, HuntKeys.PUZZLE, "a puzzle (a map)");
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = opened.get();
    String id = r.requiredId("id");
    String title = r.requiredText("title");
    String text = r.requiredText("text");
    int points = r.requiredInteger("points", 0);
    List<String> answers = answers(r);
    List<Pattern> patterns = patterns(r);
    if (nothingListed(r, "answers") && nothingListed(r, "answer-patterns")) {
      problems.at(node, path, "a puzzle needs at least one entry in answers or answer-patterns");
    }
    return Optional.of(
        new PuzzleDraft(
            id,
            r.get("id").orElse(node),
            path,
            title,
            text,
            points,
            answers,
            patterns,
            partials(r),
            hints(r),
            RequiresReader.read(r, problems),
            RoundReader.roundRef(r, problems)));
  }

  /** True when the key is absent or an empty list (a wrong type is reported elsewhere). */
  private static boolean nothingListed(MapReader r, String key) {
    return r.get(key).map(n -> n instanceof SequenceNode s && s.getValue().isEmpty()).orElse(true);
  }

  private List<String> answers(MapReader r) {
    Set<String> answers = new LinkedHashSet<>();
    List<Node> items = r.list("answers", "strings");
    for (int i = 0; i < items.size(); i++) {
      String itemPath = r.pathOf("answers") + "[" + i + "]";
      Optional<String> answer = Values.text(items.get(i), itemPath, problems);
      if (answer.isPresent()) {
        normalizedOrReport(answer.get(), items.get(i), itemPath).ifPresent(answers::add);
      }
    }
    return List.copyOf(answers);
  }

  private Optional<String> normalizedOrReport(String answer, Node node, String path) {
    String normalized = AnswerNormalizer.normalize(answer);
    if (normalized.isEmpty()) {
      problems.at(
          node,
          path,
          "'"
              + Values.shorten(answer)
              + "' normalises to nothing: expected at least one letter or digit");
      return Optional.empty();
    }
    return Optional.of(normalized);
  }

  private List<Pattern> patterns(MapReader r) {
    List<Pattern> patterns = new ArrayList<>();
    List<Node> items = r.list("answer-patterns", "regular expressions");
    for (int i = 0; i < items.size(); i++) {
      String itemPath = r.pathOf("answer-patterns") + "[" + i + "]";
      Optional<String> source = Values.text(items.get(i), itemPath, problems);
      if (source.isEmpty()) {
        continue;
      }
      try {
        patterns.add(Pattern.compile(source.get(), PATTERN_FLAGS));
      } catch (PatternSyntaxException e) {
        problems.at(
            items.get(i),
            itemPath,
            "expected a regular expression, but it does not compile: "
                + e.getDescription()
                + " near index "
                + e.getIndex());
      }
    }
    return List.copyOf(patterns);
  }

  private List<PartialAnswer> partials(MapReader r) {
    List<PartialAnswer> partials = new ArrayList<>();
    List<Node> items = r.list("partial", "maps with answer and reply");
    for (int i = 0; i < items.size(); i++) {
      String itemPath = r.pathOf("partial") + "[" + i + "]";
      Optional<MapReader> opened =
          MapReader.open(
              items.get(i), itemPath, problems, HuntKeys.PARTIAL, "a map with answer and reply");
      if (opened.isEmpty()) {
        continue;
      }
      MapReader p = opened.get();
      String reply = p.requiredText("reply");
      if (p.require("answer", "a string")) {
        Node answerNode = p.get("answer").orElseThrow();
        Values.text(answerNode, p.pathOf("answer"), problems)
            .flatMap(a -> normalizedOrReport(a, answerNode, p.pathOf("answer")))
            .ifPresent(a -> partials.add(new PartialAnswer(a, reply)));
      }
    }
    return List.copyOf(partials);
  }

  private List<PuzzleDraft.HintDraft> hints(MapReader r) {
    List<PuzzleDraft.HintDraft> hints = new ArrayList<>();
    List<Node> items = r.list("hints", "maps with text, cost and after");
    for (int i = 0; i < items.size(); i++) {
      String itemPath = r.pathOf("hints") + "[" + i + "]";
      Optional<MapReader> opened =
          MapReader.open(items.get(i), itemPath, problems, HuntKeys.HINT, "a hint (a map)");
      if (opened.isEmpty()) {
        continue;
      }
      MapReader h = opened.get();
      String text = h.requiredText("text");
      int cost = h.integer("cost", 0, 0);
      long afterMs = 0;
      Node afterNode = items.get(i);
      if (h.has("after")) {
        afterNode = h.get("after").orElseThrow();
        afterMs = Values.durationMs(afterNode, h.pathOf("after"), problems);
      }
      hints.add(
          new PuzzleDraft.HintDraft(new Hint(text, cost, afterMs), afterNode, h.pathOf("after")));
    }
    return List.copyOf(hints);
  }
}
