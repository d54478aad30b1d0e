package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  private static void record(RecentEvents events, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 3]);
    buffer.putBytes(3, bytes);
    events.record(buffer, 3, bytes.length);
  }

  private static List<String> texts(RecentEvents events) {
    return events.events().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void keepsTheLastEventsOldestFirstAsTheyWere() {
    RecentEvents events = new RecentEvents(3);
    record(events, "{\"ev\":\"a\"}");
    record(events, "{\"ev\":\"b\",\"message\":\"" + "x".repeat(600) + "\"}");
    record(events, "{\"ev\":\"c\"}");
    record(events, "{\"ev\":\"d\"}");
    record(events, "{\"ev\":\"e\"}");

    assertThat(texts(events)).containsExactly("{\"ev\":\"c\"}", "{\"ev\":\"d\"}", "{\"ev\":\"e\"}");
  }

  @Test
  void leavesOutEventsTooLongToKeep() {
    RecentEvents events = new RecentEvents(3);
    record(events, "{\"ev\":\"a\"}");
    record(events, "{\"ev\":\"announce\",\"message\":\"" + "x".repeat(9000) + "\"}");

    assertThat(texts(events)).containsExactly("{\"ev\":\"a\"}");
  }
}
