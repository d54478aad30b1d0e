package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Frames written in place decode, with Netty's own client-side decoder, as the text they hold. */
class WsFramesTest {
  private static String roundTrip(String text) {
    ByteBuf payload = WsFrames.allocate(PooledByteBufAllocator.DEFAULT, text.length());
    payload.writeCharSequence(text, StandardCharsets.UTF_8);
    assertThat(WsFrames.frame(payload)).isTrue();
    EmbeddedChannel client =
        new EmbeddedChannel(
            new WebSocket13FrameDecoder(
                WebSocketDecoderConfig.newBuilder()
                    .expectMaskedFrames(false)
                    .maxFramePayloadLength(1 << 20)
                    .build()));
    client.writeInbound(payload);
    TextWebSocketFrame frame = client.readInbound();
    try {
      assertThat(frame.isFinalFragment()).isTrue();
      return frame.text();
    } finally {
      frame.release();
      client.finishAndReleaseAll();
    }
  }

  @Test
  void framesShortMediumAndLongPayloads() {
    assertThat(roundTrip("{\"re\":1,\"ok\":true}")).isEqualTo("{\"re\":1,\"ok\":true}");
    String medium = "x".repeat(126);
    assertThat(roundTrip(medium)).isEqualTo(medium);
    String edge = "y".repeat(0xFFFF);
    assertThat(roundTrip(edge)).isEqualTo(edge);
    String large = "z".repeat(70_000);
    assertThat(roundTrip(large)).isEqualTo(large);
  }

  @Test
  void refusesABufferWithoutRoomInFront() {
    ByteBuf tight = Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8);
    assertThat(WsFrames.frame(tight)).isFalse();
    assertThat(tight.readerIndex()).isZero();
    tight.release();
  }
}
