package io.cairn.veltrix;

/**
 * Per-hunt limits that protect the game from guessing bots and spoofed positions.
 *
 * @param guessesPerMinute guesses allowed per team per puzzle per minute
 * @param claimsPerMinute claim attempts allowed per team per minute (stops brute-forcing codes)
 * @param maxSpeedMps the fastest plausible travel between two moves; faster is IMPOSSIBLE_MOVE
 * @param moveToleranceM distance always allowed between two moves, whatever the time (GPS jitter)
 */
public record Limits(
    int guessesPerMinute, int claimsPerMinute, double maxSpeedMps, double moveToleranceM) {

  public static final Limits DEFAULT = new Limits(10, 30, 50.0, 30.0);
}
