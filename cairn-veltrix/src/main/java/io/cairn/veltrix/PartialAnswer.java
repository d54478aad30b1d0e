package io.cairn.veltrix;

/**
 * A "keep going" answer: not correct, but worth a nudge.
 *
 * @param normalizedAnswer the answer after {@link AnswerNormalizer#normalize}
 * @param reply what the team is told
 */
public record PartialAnswer(String normalizedAnswer, String reply) {}
