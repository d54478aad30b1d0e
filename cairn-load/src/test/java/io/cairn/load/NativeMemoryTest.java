package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
  /** The start of a real summary (JDK 25, {@code jcmd PID VM.native_memory summary scale=b}). */
  private static final String BEFORE =
      """
      28688:

      Native Memory Tracking:

      Total: reserved=7928135583, committed=495796127
             malloc: 18870175 #47265, peak=18932205 #46331
             mmap:   reserved=7909265408, committed=476925952

      -                 Java Heap (reserved=6320816128, committed=402653184)
                                  (mmap: reserved=6320816128, committed=402653184, at peak)

      -                     Class (reserved=1073942070, committed=1445430)
                                  (classes #2815)

      -                    Thread (reserved=19985936, committed=992784)
                                  (threads #19)

      -                     Other (reserved=1000000, committed=1000000)
                                  (malloc=1000000 #10)
      """;

  private static final String AFTER =
      BEFORE
          .replace("committed=495796127", "committed=505796127")
          .replace(
              "Other (reserved=1000000, committed=1000000)",
              "Other (reserved=9000000, committed=9000000)")
          .replace("committed=992784)", "committed=1992784)");

  @Test
  void readsTheCommittedBytesOfEachCategory() {
    Map<String, Long> committed = NativeMemory.committed(BEFORE);

    assertThat(committed)
        .containsExactly(
            Map.entry("Total", 495_796_127L),
            Map.entry("Java Heap", 402_653_184L),
            Map.entry("Class", 1_445_430L),
            Map.entry("Thread", 992_784L),
            Map.entry("Other", 1_000_000L));
  }

  @Test
  void givesTheGrowthPerConnectionLargestFirstWithoutTheCategoriesThatDidNotMove() {
    Map<String, Object> perConnection =
        NativeMemory.perConnection(
            NativeMemory.committed(BEFORE), NativeMemory.committed(AFTER), 1_000);

    assertThat(perConnection)
        .containsExactly(
            Map.entry("Total", 10_000L), Map.entry("Other", 8_000L), Map.entry("Thread", 1_000L));
  }

  @Test
  void aTextThatIsNotASummaryGivesNothing() {
    assertThat(NativeMemory.committed("Native memory tracking is not enabled")).isEmpty();
  }

  @Test
  void knowsWhenTheServerFlagsTurnTrackingOn() {
    assertThat(NativeMemory.tracked(List.of("-Xlog:gc", "-XX:NativeMemoryTracking=summary")))
        .isTrue();
    assertThat(NativeMemory.tracked(List.of("-XX:NativeMemoryTracking=off"))).isFalse();
    assertThat(NativeMemory.tracked(List.of("-XX:+AlwaysPreTouch"))).isFalse();
  }
}
