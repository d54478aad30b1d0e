package io.cairn.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanResultTest {
  @Test
  void keepsTheNearestHitsInOrderWhateverTheCapacity() {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int hits = random.nextInt(200);
      int capacity = random.nextInt(120);
      ScanResult result = new ScanResult(capacity);
      result.clear();
      List<double[]> all = new ArrayList<>();
      for (int i = 0; i < hits; i++) {
        int treasure = random.nextInt(1_000);
        double distanceM = random.nextInt(50);
        result.offer(treasure, distanceM);
        all.add(new double[] {treasure, distanceM});
      }
      result.finish();
      all.sort((a, b) -> a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[0], b[0]));
      int expected = Math.min(hits, capacity);
      assertThat(result.count()).isEqualTo(expected);
      for (int i = 0; i < expected; i++) {
        assertThat(result.distanceM(i)).isEqualTo(all.get(i)[1]);
        assertThat(result.treasure(i)).isEqualTo((int) all.get(i)[0]);
      }
    }
  }

  @Test
  void readingPastTheCountFails() {
    ScanResult result = new ScanResult(4);
    result.offer(3, 1.0);
    result.finish();

    assertThat(result.treasure(0)).isEqualTo(3);
    assertThatThrownBy(() -> result.treasure(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> result.distanceM(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
