package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void theSameSeedGivesTheSameOpsAndGaps() {
    Schedule schedule = new Schedule(Scenario.of(Map.of()));
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(schedule.pick(a)).isEqualTo(schedule.pick(b));
      assertThat(schedule.nextGapNs(a)).isEqualTo(schedule.nextGapNs(b));
    }
  }

  @Test
  void opsOfWeightZeroAreNeverPickedAndTheMixIsFollowed() {
    Schedule schedule = new Schedule(Scenario.of(Map.of("mix", "move=3,scan=1,board=0,claim=0")));
    Map<Op, Integer> counts = new EnumMap<>(Op.class);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 40_000; i++) {
      counts.merge(schedule.pick(rng), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(Op.MOVE, Op.SCAN);
    assertThat(counts.get(Op.MOVE) / (double) counts.get(Op.SCAN)).isBetween(2.7, 3.3);
  }

  @Test
  void gapsAverageThePlayersShareOfTheRate() {
    // 100 players at 1000 requests/s: each player sends every 100 ms on average
    Schedule schedule = new Schedule(Scenario.of(Map.of("players", "100", "rate", "1000")));
    SplittableRandom rng = new SplittableRandom(7);
    long sum = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long gap = schedule.nextGapNs(rng);
      assertThat(gap).isPositive();
      sum += gap;
    }
    assertThat(sum / (double) n / 1e6).isBetween(98.0, 102.0);
  }

  @Test
  void onlyTheMeasuredPartIsRecorded() {
    Schedule schedule = new Schedule(Scenario.of(Map.of()));
    schedule.start(1_000_000_000L, 1_700_000_000_000L, 2_000, 3_000);
    assertThat(schedule.measured(2_999_999_999L)).isFalse();
    assertThat(schedule.measured(3_000_000_000L)).isTrue();
    assertThat(schedule.measured(5_999_999_999L)).isTrue();
    assertThat(schedule.measured(6_000_000_000L)).isFalse();
    assertThat(schedule.measuredEpochMs(1_700_000_001_999L)).isFalse();
    assertThat(schedule.measuredEpochMs(1_700_000_002_000L)).isTrue();
    assertThat(schedule.measuredEpochMs(1_700_000_005_000L)).isFalse();
  }
}
