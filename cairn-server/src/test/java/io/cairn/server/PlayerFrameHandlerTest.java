package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player handler on an EmbeddedChannel: what it answers by itself, without a socket. */
class PlayerFrameHandlerTest {
  @TempDir Path data;
  private Engine engine;
  private EmbeddedChannel channel;

  @BeforeEach
  void setUp() {
    Gateway gateway = new Gateway(new LocalClient());
    engine = Engine.start(EngineConfig.defaults(data).withShards(1), gateway, () -> 1_000L);
    gateway.attach(engine);
    GatewayLimits limits = new GatewayLimits(4096, 100, 64 * 1024, 256 * 1024, 5, 60_000_000_000L);
    channel = new EmbeddedChannel(new PlayerFrameHandler(gateway, limits));
  }

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
    engine.close();
  }

  private JsonNode exchange(String text) throws Exception {
    channel.writeInbound(new TextWebSocketFrame(text));
    return outbound();
  }

  /** The next message written: a TextWebSocketFrame, or a buffer framed in place (WsFrames). */
  private JsonNode outbound() throws Exception {
    Object message = channel.readOutbound();
    assertThat(message).as("a message was written").isNotNull();
    try {
      if (message instanceof TextWebSocketFrame frame) {
        return WsClient.JSON.readTree(frame.text());
      }
      ByteBuf framed = (ByteBuf) message;
      assertThat(framed.getUnsignedByte(framed.readerIndex()))
          .as("FIN + text")
          .isEqualTo((short) 0x81);
      int length = framed.getUnsignedByte(framed.readerIndex() + 1);
      int header = length < 126 ? 2 : length == 126 ? 4 : 10;
      return WsClient.JSON.readTree(
          framed.toString(
              framed.readerIndex() + header,
              framed.readableBytes() - header,
              StandardCharsets.UTF_8));
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  @Test
  void answersMalformedJsonWithBadRequestAndNullRe() throws Exception {
    JsonNode reply = exchange("{\"op\":\"ping\",");
    assertThat(reply.get("re").isNull()).isTrue();
    assertThat(reply.get("ok").asBoolean()).isFalse();
    assertThat(reply.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void echoesTheIdOfAMalformedRequestWhenItWasRead() throws Exception {
    JsonNode reply = exchange("{\"id\":12,\"op\":");
    assertThat(reply.get("re").asLong()).isEqualTo(12);
    assertThat(reply.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void answersMissingIdWithBadRequest() throws Exception {
    JsonNode reply = exchange("{\"op\":\"ping\"}");
    assertThat(reply.get("re").isNull()).isTrue();
    assertThat(reply.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void answersUnknownOp() throws Exception {
    JsonNode reply = exchange("{\"id\":3,\"op\":\"teleport\"}");
    assertThat(reply.get("re").asLong()).isEqualTo(3);
    assertThat(reply.get("error").get("code").asText()).isEqualTo("UNKNOWN_OP");
  }

  @Test
  void answersWrongTypesAndMissingArgumentsWithBadRequest() throws Exception {
    JsonNode wrong = exchange("{\"id\":4,\"op\":\"move\",\"lat\":true,\"lon\":1}");
    assertThat(wrong.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(wrong.get("error").get("message").asText()).contains("lat");
    JsonNode missing = exchange("{\"id\":5,\"op\":\"join\",\"name\":\"Ada\"}");
    assertThat(missing.get("re").asLong()).isEqualTo(5);
    assertThat(missing.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void answersPingAndNotJoinedBeforeAJoin() throws Exception {
    assertThat(exchange("{\"id\":1,\"op\":\"ping\"}").get("ok").asBoolean()).isTrue();
    JsonNode state = exchange("{\"id\":2,\"op\":\"state\"}");
    assertThat(state.get("error").get("code").asText()).isEqualTo("NOT_JOINED");
  }

  @Test
  void answersInvalidUtf8WithBadRequest() throws Exception {
    byte[] bytes = "{\"id\":6,\"op\":\"join\",\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xFF;
    channel.writeInbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    JsonNode reply = outbound();
    assertThat(reply.get("re").asLong()).isEqualTo(6);
    assertThat(reply.get("error").get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void pushesAnErrorForABinaryFrame() throws Exception {
    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
    JsonNode push = outbound();
    assertThat(push.get("ev").asText()).isEqualTo("error");
    assertThat(push.get("code").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void answersOverloadedPastTheRequestRate() throws Exception {
    for (int i = 1; i <= 5; i++) {
      assertThat(exchange("{\"id\":" + i + ",\"op\":\"ping\"}").get("ok").asBoolean()).isTrue();
    }
    JsonNode shed = exchange("{\"id\":6,\"op\":\"ping\"}");
    assertThat(shed.get("re").asLong()).isEqualTo(6);
    assertThat(shed.get("error").get("code").asText()).isEqualTo("OVERLOADED");
    assertThat(shed.get("retryAfterMs").asLong()).isPositive();
  }
}
