package io.cairn.veltrix;

/**
 * A hint of a puzzle.
 *
 * @param text what the team is told
 * @param cost points taken from the team's score
 * @param afterMs how long after the hunt's start the hint becomes available (0 = at once)
 */
public record Hint(String text, int cost, long afterMs) {}
