package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long NOW = 1_800_000_000_000L;

  @Test
  void allowsABurstOfTheRateThenOneRequestPerInterval() {
    long tat = 0;
    for (int i = 0; i < 6; i++) {
      assertThat(RateLimiter.retryAfterMs(tat, NOW, 6)).isZero();
      tat = RateLimiter.spend(tat, NOW, 6);
    }

    assertThat(RateLimiter.retryAfterMs(tat, NOW, 6)).isEqualTo(10_000);
    assertThat(RateLimiter.retryAfterMs(tat, NOW + 9_999, 6)).isEqualTo(1);
    assertThat(RateLimiter.retryAfterMs(tat, NOW + 10_000, 6)).isZero();
  }

  @Test
  void forgetsOldRequestsAfterAMinute() {
    long tat = 0;
    for (int i = 0; i < 3; i++) {
      tat = RateLimiter.spend(tat, NOW, 3);
    }

    long later = NOW + 60_000;
    for (int i = 0; i < 3; i++) {
      assertThat(RateLimiter.retryAfterMs(tat, later, 3)).isZero();
      tat = RateLimiter.spend(tat, later, 3);
    }
    assertThat(RateLimiter.retryAfterMs(tat, later, 3)).isPositive();
  }

  @Test
  void refusesEverythingAtAZeroRate() {
    assertThat(RateLimiter.retryAfterMs(0, NOW, 0)).isEqualTo(60_000);
  }

  @Test
  void doesNotOverflowAtHugeRates() {
    long tat = RateLimiter.spend(0, NOW, Integer.MAX_VALUE);

    assertThat(RateLimiter.retryAfterMs(tat, NOW, Integer.MAX_VALUE)).isZero();
  }
}
