package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.egress.EgressHandler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class LocalClientTest {
  private static final byte[] EVENT =
      "{\"ev\":\"board\",\"seq\":3,\"at\":1,\"top\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void costsNothingForEventsWhenNoSessionHasJoined() {
    LocalClient client = new LocalClient();
    client.open();
    UnsafeBuffer json = new UnsafeBuffer(EVENT);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 10_000; i++) {
      client.onMessage(0, EgressHandler.HUNT_EVENT, 0, 0, -1, -1, json, 0, EVENT.length);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      client.onMessage(0, EgressHandler.HUNT_EVENT, 0, 0, -1, -1, json, 0, EVENT.length);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated)
        .as("bytes allocated for 100,000 events nobody listens to")
        .isLessThan(1024);
  }
}
