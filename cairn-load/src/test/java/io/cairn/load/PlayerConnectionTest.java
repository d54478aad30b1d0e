package io.cairn.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One simulated player on an embedded channel: join, schedule, reply matching, pushes. */
class PlayerConnectionTest {
  private final WorkerStats stats = new WorkerStats();
  private final AtomicInteger ready = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final PlayerConnection.Readiness readiness =
      new PlayerConnection.Readiness() {
        @Override
        public void ready(PlayerConnection player) {
          ready.incrementAndGet();
        }

        @Override
        public void failed(PlayerConnection player) {
          failed.incrementAndGet();
        }
      };

  private static Schedule schedule(String mix) {
    return new Schedule(Scenario.of(Map.of("players", "1", "rate", "100", "mix", mix)));
  }

  @Test
  void joinsThenMovesOnceAndIsReady() {
    PlayerConnection player = new PlayerConnection(7, 1, schedule("move=1"), stats, readiness);
    EmbeddedChannel ch = new EmbeddedChannel(player);
    ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    assertThat(text(ch.readOutbound()))
        .isEqualTo("{\"id\":0,\"op\":\"join\",\"hunt\":\"bench\",\"name\":\"p7\"}");
    assertThat(ready.get()).isZero();

    reply(ch, "{\"re\":0,\"ok\":true,\"player\":\"p7\"}");
    assertThat(ready.get()).isEqualTo(1);
    assertThat(text(ch.readOutbound())).startsWith("{\"id\":1,\"op\":\"move\",\"lat\":59.32");
    reply(ch, "{\"re\":1,\"ok\":true}");
    assertThat(stats.replies.sum()).isZero(); // join and the first move are set-up, not load
    assertThat(stats.join.getIntervalHistogram().getTotalCount()).isEqualTo(1);
  }

  @Test
  void aRefusedJoinFailsThePlayerWithItsCode() {
    PlayerConnection player = new PlayerConnection(1, 1, schedule("move=1"), stats, readiness);
    EmbeddedChannel ch = new EmbeddedChannel(player);
    ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    ch.readOutbound();
    reply(ch, "{\"re\":0,\"ok\":false,\"error\":{\"code\":\"HUNT_FULL\",\"message\":\"full\"}}");
    assertThat(failed.get()).isEqualTo(1);
    assertThat(ready.get()).isZero();
    assertThat(stats.errorCodes).containsKey("join HUNT_FULL");
  }

  @Test
  void sendsItsScheduleWithoutWaitingAndMatchesRepliesInOrder() {
    Schedule schedule = schedule("claim=1");
    PlayerConnection player = new PlayerConnection(3, 1, schedule, stats, readiness);
    EmbeddedChannel ch = joined(player);
    long now = System.nanoTime();
    schedule.start(now, System.currentTimeMillis(), 0, 300);
    player.start();
    List<String> requests = drive(ch);

    // ten treasures to claim, each once and in order, then moves instead
    assertThat(requests.size()).isGreaterThan(10);
    for (int i = 0; i < 10; i++) {
      assertThat(requests.get(i)).contains("\"op\":\"claim\",\"treasure\":\"t" + i + "\"");
    }
    assertThat(requests.get(10)).contains("\"op\":\"move\"");
    assertThat(player.unanswered()).isEqualTo(requests.size()); // all sent before any reply

    for (int i = 0; i < requests.size(); i++) {
      long id = i + 2; // 0 was the join, 1 the first move
      assertThat(requests.get(i)).startsWith("{\"id\":" + id + ",");
      reply(
          ch,
          i == 4
              ? "{\"re\":" + id + ",\"ok\":false,\"error\":{\"code\":\"RATE_LIMITED\"},\"x\":1}"
              : "{\"re\":" + id + ",\"ok\":true}");
    }
    assertThat(stats.sent.sum()).isEqualTo(requests.size());
    assertThat(stats.replies.sum()).isEqualTo(requests.size());
    assertThat(stats.outOfOrder.sum()).isZero();
    assertThat(stats.errorCodes).containsOnlyKeys("claim RATE_LIMITED");
    assertThat(stats.all.getIntervalHistogram().getTotalCount()).isEqualTo(requests.size());
    assertThat(player.unanswered()).isZero();

    reply(ch, "{\"re\":999,\"ok\":true}");
    assertThat(stats.outOfOrder.sum()).isEqualTo(1); // a reply nothing was waiting for
  }

  @Test
  void againstTheEchoServerMarksClaimsAndRightGuessesAsPushingAndTimesTheirEvents() {
    Schedule schedule =
        new Schedule(
            Scenario.of(
                Map.of(
                    "players", "1",
                    "rate", "100",
                    "target", "echo",
                    "mix", "claim=1,guess-right=1,guess-wrong=1")));
    PlayerConnection player = new PlayerConnection(3, 1, schedule, stats, readiness);
    EmbeddedChannel ch = new EmbeddedChannel(player);
    ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    assertThat(ready.get()).isEqualTo(1); // no join against the echo server
    long nowMs = System.currentTimeMillis();
    schedule.start(System.nanoTime(), nowMs - 1_000, 0, 300);
    player.start();
    List<String> requests = drive(ch);

    assertThat(requests).anyMatch(r -> r.contains("\"op\":\"claim\""));
    assertThat(requests).anyMatch(r -> r.contains("\"answer\":\"wrong"));
    for (String r : requests) {
      if (r.contains("\"op\":\"claim\"")) {
        assertThat(r).endsWith("\",\"push\":\"claimed\"}");
      } else if (r.contains("\"answer\":\"wrong")) {
        assertThat(r).doesNotContain("push").endsWith("\"}");
      } else if (r.contains("\"op\":\"guess\"")) {
        assertThat(r).endsWith("\",\"push\":\"solved\"}");
      }
    }

    // the echo of a request is a reply, the claimed event a timed push
    reply(ch, requests.get(0));
    assertThat(stats.replies.sum()).isEqualTo(1);
    reply(
        ch,
        "{\"ev\":\"claimed\",\"seq\":1,\"at\":"
            + (nowMs - 900) // in the measured part, which began 1 s ago and lasted 300 ms
            + ",\"treasure\":\"t0\",\"team\":\"p1\",\"first\":true}");
    assertThat(stats.claimedPushes.sum()).isEqualTo(1);
    assertThat(stats.claimedDelivery.getIntervalHistogram().getTotalCount()).isEqualTo(1);
  }

  @Test
  void againstCairnNothingIsMarked() {
    Schedule schedule = schedule("claim=1,guess-right=1");
    PlayerConnection player = new PlayerConnection(3, 1, schedule, stats, readiness);
    EmbeddedChannel ch = joined(player);
    schedule.start(System.nanoTime(), System.currentTimeMillis(), 0, 300);
    player.start();
    List<String> requests = drive(ch);
    assertThat(requests).isNotEmpty().noneMatch(r -> r.contains("push"));
  }

  @Test
  void claimedPushesAreTimedFromTheirServerTimeStamp() {
    Schedule schedule = schedule("move=1");
    PlayerConnection player = new PlayerConnection(3, 1, schedule, stats, readiness);
    EmbeddedChannel ch = joined(player);
    long nowMs = System.currentTimeMillis();
    schedule.start(System.nanoTime(), nowMs - 1_000, 0, 60_000);
    reply(
        ch,
        "{\"ev\":\"claimed\",\"seq\":9,\"at\":"
            + (nowMs - 40)
            + ",\"treasure\":\"t1\",\"team\":\"p1\",\"first\":true}");
    reply(ch, "{\"ev\":\"board\",\"seq\":9,\"at\":" + nowMs + ",\"top\":[]}");
    assertThat(stats.pushes.sum()).isEqualTo(2);
    assertThat(stats.claimedPushes.sum()).isEqualTo(1);
    var delivery = stats.claimedDelivery.getIntervalHistogram();
    assertThat(delivery.getTotalCount()).isEqualTo(1);
    assertThat(delivery.getMaxValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(39));
  }

  private EmbeddedChannel joined(PlayerConnection player) {
    EmbeddedChannel ch = new EmbeddedChannel(player);
    ch.pipeline().fireUserEventTriggered(ClientHandshakeStateEvent.HANDSHAKE_COMPLETE);
    ch.readOutbound();
    reply(ch, "{\"re\":0,\"ok\":true}");
    ch.readOutbound();
    reply(ch, "{\"re\":1,\"ok\":true}");
    return ch;
  }

  /** Advances the embedded clock until the player's schedule has run out. */
  private static List<String> drive(EmbeddedChannel ch) {
    List<String> sent = new ArrayList<>();
    int quiet = 0;
    for (int step = 0; step < 5_000 && quiet < 20; step++) {
      ch.advanceTimeBy(50, TimeUnit.MILLISECONDS);
      ch.runScheduledPendingTasks();
      int before = sent.size();
      for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
        sent.add(text(o));
      }
      quiet = sent.size() == before ? quiet + 1 : 0;
    }
    return sent;
  }

  private static void reply(EmbeddedChannel ch, String text) {
    ch.writeInbound(new TextWebSocketFrame(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
  }

  private static String text(Object frame) {
    TextWebSocketFrame f = (TextWebSocketFrame) frame;
    try {
      return f.text();
    } finally {
      f.release();
    }
  }
}
