package io.cairn.engine.hunt;

/**
 * Token buckets kept as one long each (GCRA, the generic cell rate algorithm): the state is the
 * theoretical arrival time of the next request, so a bucket needs no refill timer and fits in a
 * primitive array. Times are scaled by the rate ({@code ms * perMinute}) so everything stays in
 * integers: one request costs 60,000 scaled units and a full bucket holds {@code perMinute}
 * requests.
 */
final class RateLimiter {
  static final long MINUTE_MS = 60_000L;

  /** Rates above this are treated as this, so that {@code nowMs * perMinute} cannot overflow. */
  static final int MAX_PER_MINUTE = 1_000_000;

  private RateLimiter() {}

  /**
   * How long to wait before a request is allowed by bucket state {@code tat} at {@code nowMs}: 0
   * means allowed now (then call {@link #spend}).
   */
  static long retryAfterMs(long tat, long nowMs, int perMinuteAsked) {
    if (perMinuteAsked <= 0) {
      return MINUTE_MS;
    }
    int perMinute = Math.min(perMinuteAsked, MAX_PER_MINUTE);
    long now = nowMs * perMinute;
    long tolerance = (perMinute - 1) * MINUTE_MS;
    long excess = Math.max(tat, now) - now - tolerance;
    if (excess <= 0) {
      return 0;
    }
    return (excess + perMinute - 1) / perMinute;
  }

  /** The bucket state after one allowed request. */
  static long spend(long tat, long nowMs, int perMinuteAsked) {
    int perMinute = Math.min(perMinuteAsked, MAX_PER_MINUTE);
    return Math.max(tat, nowMs * perMinute) + MINUTE_MS;
  }
}
