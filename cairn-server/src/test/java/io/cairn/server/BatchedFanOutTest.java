package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.egress.EgressHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's fan-out of push events through each event loop's {@link ReplyOutbox}, on
 * EmbeddedChannels (each its own event loop): the gateway is called as a shard thread would call
 * it, and the loop's queued drain is run by hand.
 */
class BatchedFanOutTest {
  private static final int SHARD = 0;
  private static final int HUNT = 7;

  @TempDir Path data;
  private Engine engine;
  private Gateway gateway;
  private final List<Member> members = new ArrayList<>();

  @BeforeEach
  void setUp() {
    gateway = new Gateway(new LocalClient());
    engine = Engine.start(EngineConfig.defaults(data).withShards(1), gateway, () -> 1_000L);
    gateway.attach(engine);
  }

  @AfterEach
  void tearDown() {
    for (Member m : members) {
      m.channel.finishAndReleaseAll();
    }
    engine.close();
  }

  /** A connection with a handler in front of the player handler that counts flushes. */
  private Member connect(int hunt) {
    FlushCounter flushes = new FlushCounter();
    GatewayLimits limits = new GatewayLimits(4096, 100, 64 * 1024, 256 * 1024, 5, 60_000_000_000L);
    PlayerFrameHandler handler = new PlayerFrameHandler(gateway, limits);
    EmbeddedChannel channel = new EmbeddedChannel(flushes, handler);
    if (hunt >= 0) {
      gateway.bind(handler, SHARD, hunt);
    }
    Member m = new Member(channel, handler, flushes);
    members.add(m);
    return m;
  }

  private void event(int hunt, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    gateway.onMessage(
        SHARD, EgressHandler.HUNT_EVENT, 0, hunt, -1, -1, new UnsafeBuffer(bytes), 0, bytes.length);
  }

  /** Runs each connection's event loop (its queued outbox drain). */
  private void runLoops() {
    for (Member m : members) {
      m.channel.runPendingTasks();
    }
  }

  /** The payloads written to a connection so far, in order, each checked to be a text frame. */
  private static List<String> received(Member m) {
    List<String> texts = new ArrayList<>();
    Object message;
    while ((message = m.channel.readOutbound()) != null) {
      try {
        ByteBuf framed = (ByteBuf) message;
        assertThat(framed.getUnsignedByte(framed.readerIndex())).isEqualTo((short) 0x81);
        int length = framed.getUnsignedByte(framed.readerIndex() + 1);
        assertThat(length).isLessThan(126);
        assertThat(framed.readableBytes()).isEqualTo(2 + length);
        texts.add(framed.toString(framed.readerIndex() + 2, length, StandardCharsets.UTF_8));
      } finally {
        ReferenceCountUtil.release(message);
      }
    }
    return texts;
  }

  @Test
  void everyMemberGetsEveryEventOnceInOrderAndOthersNone() {
    Member ada = connect(HUNT);
    Member bob = connect(HUNT);
    Member elsewhere = connect(HUNT + 1);
    Member unbound = connect(-1);

    event(HUNT, "{\"ev\":\"solved\",\"seq\":1}");
    event(HUNT, "{\"ev\":\"claimed\",\"seq\":2}");
    event(HUNT, "{\"ev\":\"board\",\"seq\":3}");
    runLoops();

    List<String> expected =
        List.of(
            "{\"ev\":\"solved\",\"seq\":1}",
            "{\"ev\":\"claimed\",\"seq\":2}",
            "{\"ev\":\"board\",\"seq\":3}");
    assertThat(received(ada)).isEqualTo(expected);
    assertThat(received(bob)).isEqualTo(expected);
    assertThat(received(elsewhere)).isEmpty();
    assertThat(received(unbound)).isEmpty();
  }

  @Test
  void flushesEachConnectionOncePerDrainWhateverTheNumberOfEvents() {
    Member ada = connect(HUNT);
    Member bob = connect(HUNT);
    int adaBefore = ada.flushes.count;
    int bobBefore = bob.flushes.count;

    for (int i = 0; i < 10; i++) {
      event(HUNT, "{\"ev\":\"board\",\"seq\":" + i + "}");
    }
    runLoops();

    assertThat(received(ada)).hasSize(10);
    assertThat(received(bob)).hasSize(10);
    assertThat(ada.flushes.count - adaBefore).isEqualTo(1);
    assertThat(bob.flushes.count - bobBefore).isEqualTo(1);

    event(HUNT, "{\"ev\":\"board\",\"seq\":10}");
    runLoops();
    assertThat(received(ada)).containsExactly("{\"ev\":\"board\",\"seq\":10}");
    assertThat(ada.flushes.count - adaBefore).isEqualTo(2);
  }

  @Test
  void dropsEventsForAConnectionThatIsNotWritableAndServesTheOthers() {
    Member slow = connect(HUNT);
    Member ada = connect(HUNT);
    slow.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    assertThat(slow.channel.isWritable()).isFalse();
    long droppedBefore = gateway.droppedEvents();

    event(HUNT, "{\"ev\":\"claimed\",\"seq\":1}");
    event(HUNT, "{\"ev\":\"claimed\",\"seq\":2}");
    runLoops();

    assertThat(received(slow)).isEmpty();
    assertThat(gateway.droppedEvents() - droppedBefore).isEqualTo(2);
    assertThat(received(ada)).hasSize(2);

    slow.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
    event(HUNT, "{\"ev\":\"claimed\",\"seq\":3}");
    runLoops();
    assertThat(received(slow)).containsExactly("{\"ev\":\"claimed\",\"seq\":3}");
  }

  @Test
  void aConnectionBoundBeforeItsLoopReachesAnEventGetsIt() {
    Member ada = connect(HUNT);
    Member bob = connect(-1);

    event(HUNT, "{\"ev\":\"claimed\",\"seq\":1}");
    gateway.bind(bob.handler, SHARD, HUNT);
    runLoops();

    assertThat(received(ada)).containsExactly("{\"ev\":\"claimed\",\"seq\":1}");
    assertThat(received(bob)).containsExactly("{\"ev\":\"claimed\",\"seq\":1}");
  }

  @Test
  void stopsWritingToAConnectionOnceItLeavesTheHunt() {
    Member ada = connect(HUNT);
    Member bob = connect(HUNT);
    gateway.unbind(bob.handler, SHARD, HUNT);
    assertThat(gateway.boundPlayers()).isEqualTo(1);

    event(HUNT, "{\"ev\":\"claimed\",\"seq\":1}");
    runLoops();

    assertThat(received(ada)).hasSize(1);
    assertThat(received(bob)).isEmpty();
  }

  private record Member(
      EmbeddedChannel channel, PlayerFrameHandler handler, FlushCounter flushes) {}

  /** Counts the flushes that pass on their way to the socket. */
  private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
    int count;

    @Override
    public void flush(ChannelHandlerContext ctx) {
      count++;
      ctx.flush();
    }
  }
}
