package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.engine.command.Op;
import io.cairn.engine.egress.EgressHandler;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void closingASessionForgetsItAndStopsItsEventsButKeepsThePlayer(@TempDir Path data)
      throws Exception {
    LocalClient client = new LocalClient();
    try (Engine engine =
        Engine.start(EngineConfig.defaults(data).withShards(1), client, new SystemEpochClock())) {
      client.attach(engine);
      LocalClient.Session organiser = client.open();
      assertThat(await(organiser.loadHunt(KillTestHunt.ID, "kill.hunt.yaml", KillTestHunt.yaml())))
          .contains("\"ok\":true");
      assertThat(await(organiser.lifecycle(KillTestHunt.ID, Op.START))).contains("\"ok\":true");
      LocalClient.Session stays = client.open();
      LocalClient.Session leaves = client.open();
      assertThat(await(stays.join(KillTestHunt.ID, "ada", ""))).contains("\"ok\":true");
      String joined = await(leaves.join(KillTestHunt.ID, "bo", ""));
      assertThat(joined).contains("\"ok\":true");
      assertThat(client.sessionCount()).isEqualTo(3);
      assertThat(client.joinedSessionCount()).isEqualTo(2);

      leaves.close();
      leaves.close();

      assertThat(leaves.closed()).isTrue();
      assertThat(client.sessionCount()).isEqualTo(2);
      assertThat(client.joinedSessionCount()).isEqualTo(1);
      assertThatThrownBy(leaves::ping)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      stays.events().clear();
      assertThat(await(stays.guess("p1", "answer1"))).contains("\"correct\":true");
      assertThat(stays.events().poll(10, TimeUnit.SECONDS)).isNotNull();
      // a later reply on the same shard thread comes after every event of the guess was released
      await(stays.ping());
      assertThat(leaves.events()).isEmpty();

      LocalClient.Session back = client.open();
      String token = joined.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      assertThat(await(back.resume(KillTestHunt.ID, token)))
          .as("the player of a closed session resumes by its token")
          .contains("\"ok\":true", "\"player\":\"bo\"");
      assertThat(client.joinedSessionCount()).isEqualTo(2);
    }
  }

  private static String await(java.util.concurrent.CompletableFuture<String> reply)
      throws Exception {
    return reply.get(10, TimeUnit.SECONDS);
  }
}
