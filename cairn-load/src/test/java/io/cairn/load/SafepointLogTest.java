package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafepointLogTest {
  /** Lines of a real run's log (JDK 25, generational ZGC, a starved 2-core machine). */
  private static final String LOG =
      """
      [1000ms] Safepoint "ZMarkEndOld", Time since last: 169364097 ns, Reaching safepoint: 820853 ns, At safepoint: 44768 ns, Leaving safepoint: 12854 ns, Total: 878475 ns, Threads: 1 runnable, 20 total
      [2000ms] Safepoint "ZRelocateStartOld", Time since last: 68022128 ns, Reaching safepoint: 17495695 ns, At safepoint: 52563 ns, Leaving safepoint: 1959288 ns, Total: 19507546 ns, Threads: 1 runnable, 20 total
      [3000ms] Safepoint "CleanClassLoaderDataMetaspaces", Time since last: 16786628 ns, Reaching safepoint: 4337 ns, At safepoint: 121537 ns, Leaving safepoint: 3323 ns, Total: 129197 ns, Threads: 0 runnable, 20 total
      [4000ms] Safepoint "ZMarkStartYoung", Time since last: 8543027 ns, Reaching safepoint: 96424 ns, At safepoint: 31250 ns, Leaving safepoint: 2767 ns, Total: 130441 ns, Threads: 1 runnable, 20 total
      [9000ms] Safepoint "ZMarkEndYoung", Time since last: 8543027 ns, Reaching safepoint: 96424 ns, At safepoint: 99999999 ns, Leaving safepoint: 2767 ns, Total: 99999999 ns, Threads: 1 runnable, 20 total
      """;

  @TempDir Path dir;

  @Test
  void splitsGcPausesIntoTheirWholeAndTheirTimeAtTheSafepoint() throws IOException {
    Path file = dir.resolve("safepoints.log");
    Files.writeString(file, LOG);

    Map<String, Object> pauses = SafepointLog.pauses(file, 1000, 5000);

    Map<?, ?> gc = (Map<?, ?>) pauses.get("gcPausesMs");
    Map<?, ?> atSafepoint = (Map<?, ?>) pauses.get("gcAtSafepointMs");
    Map<?, ?> all = (Map<?, ?>) pauses.get("allSafepointsMs");
    assertThat(gc.get("count")).isEqualTo(3L);
    assertThat((Double) gc.get("max")).isCloseTo(19.507, within(0.02));
    assertThat(atSafepoint.get("count")).isEqualTo(3L);
    assertThat((Double) atSafepoint.get("max")).isCloseTo(0.0526, within(0.0001));
    assertThat((Double) atSafepoint.get("p50")).isCloseTo(0.0448, within(0.0001));
    assertThat(all.get("count")).isEqualTo(4L);
  }

  @Test
  void aMissingLogIsReportedNotThrown() {
    Map<String, Object> pauses = SafepointLog.pauses(dir.resolve("none.log"), 0, 1);

    assertThat((String) pauses.get("unreadable")).contains("none.log");
  }
}
