package io.cairn.veltrix;

/**
 * A compiled round: a stage of the hunt that opens {@code startsAfterMs} after the hunt's start and
 * only then shows its puzzles and treasures. {@code index} is its dense id in its snapshot; rounds
 * are in file order, which is also the order they open in.
 *
 * @param puzzles indexes of the puzzles of this round, in file order
 * @param treasures indexes of the treasures of this round, in file order
 */
public record Round(
    int index, String id, String title, long startsAfterMs, IntList puzzles, IntList treasures) {}
