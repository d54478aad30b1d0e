package io.cairn.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeableIdleStrategyTest {
  private static final long ONE_HOUR_NS = TimeUnit.HOURS.toNanos(1);
  private static final int ROUNDS_BEFORE_PARKING = 110;

  @Test
  void aProducerWakesAParkedShardLongBeforeItsTimeout() throws InterruptedException {
    WakeableIdleStrategy idle = new WakeableIdleStrategy(() -> 0, ONE_HOUR_NS);
    CountDownLatch woke = new CountDownLatch(1);
    Thread shard =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i <= ROUNDS_BEFORE_PARKING; i++) {
                    idle.idle(0);
                  }
                  woke.countDown();
                });
    awaitSleeping(idle);

    idle.wake();

    assertThat(woke.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(idle.sleeping()).isFalse();
    shard.join();
  }

  @Test
  void doesNotParkWhileCommandsAreQueued() {
    WakeableIdleStrategy idle = new WakeableIdleStrategy(() -> 64, ONE_HOUR_NS);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < 1_000; i++) {
            idle.idle(0);
          }
        });
  }

  @Test
  void anIdleShardWakesForItsTimersAfterTheLongestPark() {
    AtomicInteger looks = new AtomicInteger();
    WakeableIdleStrategy idle =
        new WakeableIdleStrategy(looks::incrementAndGet, TimeUnit.MILLISECONDS.toNanos(1));
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < ROUNDS_BEFORE_PARKING + 20; i++) {
            idle.idle(0);
          }
        });
    assertThat(looks.get()).isEqualTo(20);
  }

  @Test
  void workStartsTheBackoffAgain() {
    AtomicInteger looks = new AtomicInteger();
    WakeableIdleStrategy idle = new WakeableIdleStrategy(looks::incrementAndGet, 1_000);
    for (int i = 0; i < ROUNDS_BEFORE_PARKING + 5; i++) {
      idle.idle(0);
    }
    idle.idle(1);
    for (int i = 0; i < ROUNDS_BEFORE_PARKING; i++) {
      idle.idle(0);
    }
    assertThat(looks.get()).isEqualTo(5);
  }

  @Test
  void refusesANonPositiveLongestPark() {
    assertThatThrownBy(() -> new WakeableIdleStrategy(() -> 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxParkNs");
  }

  private static void awaitSleeping(WakeableIdleStrategy idle) throws InterruptedException {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!idle.sleeping()) {
      assertThat(System.nanoTime()).as("the shard never parked").isLessThan(deadlineNs);
      Thread.sleep(1);
    }
  }
}
