package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class BoardHistoryTest {
  private static void record(BoardHistory history, long atMs, String team) {
    byte[] json =
        ("{\"ev\":\"board\",\"seq\":1,\"at\":" + atMs + ",\"top\":[{\"team\":\"" + team + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    UnsafeBuffer buffer = new UnsafeBuffer(new byte[json.length + 8]);
    buffer.putBytes(4, json);
    history.record(buffer, 4, json.length, OrganiserFeed.atMs(buffer, 4, json.length));
  }

  private static List<String> teams(BoardHistory history) {
    return history.samples().stream()
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .map(s -> s.substring(s.indexOf("\"team\":\"") + 8, s.lastIndexOf('"')))
        .toList();
  }

  @Test
  void keepsTheLastBoardOfEachIntervalOldestFirst() {
    BoardHistory history = new BoardHistory(10, 10_000);
    record(history, 1_000, "a");
    record(history, 9_000, "b");
    record(history, 11_000, "c");
    record(history, 20_999, "d");
    record(history, 21_000, "e");

    assertThat(teams(history)).containsExactly("b", "d", "e");
  }

  @Test
  void dropsTheOldestSampleOnceFull() {
    BoardHistory history = new BoardHistory(3, 1_000);
    for (int i = 0; i < 5; i++) {
      record(history, i * 1_000L, "t" + i);
    }

    assertThat(teams(history)).containsExactly("t2", "t3", "t4");
  }

  @Test
  void readsTheEventTimeFromItsEnvelope() {
    byte[] json = "{\"ev\":\"board\",\"seq\":7,\"at\":1764000000123,\"top\":[]}".getBytes();
    assertThat(OrganiserFeed.atMs(new UnsafeBuffer(json), 0, json.length))
        .isEqualTo(1_764_000_000_123L);
  }
}
