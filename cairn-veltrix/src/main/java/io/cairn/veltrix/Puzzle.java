package io.cairn.veltrix;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled puzzle. {@code index} is its dense id inside its snapshot (0..puzzleCount-1), which
 * the engine uses to index its arrays.
 *
 * @param normalizedAnswers accepted answers after {@link AnswerNormalizer#normalize}
 * @param answerPatterns matched against {@link AnswerNormalizer#normalizeForPattern} of a guess
 * @param requires indexes of the puzzles to solve before this one is unlocked
 */
public record Puzzle(
    int index,
    String id,
    String title,
    String text,
    int points,
    List<String> normalizedAnswers,
    List<Pattern> answerPatterns,
    List<PartialAnswer> partials,
    List<Hint> hints,
    IntList requires) {}
