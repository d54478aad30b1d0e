package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Server-to-client WebSocket text frames written in place (RFC 6455 section 5.2: FIN and opcode,
 * then a 7, 16 or 64-bit length; servers do not mask). A buffer made by {@link #allocate} keeps
 * room in front of its payload, so {@link #frame} turns it into a whole frame without a copy and
 * without a {@code TextWebSocketFrame} object; the WebSocket encoder passes such a buffer through
 * untouched. Extensions are off in the gateway, so no frame needs the RSV bits.
 */
public final class WsFrames {
  /** The longest header: 2 bytes, then a 64-bit length. */
  public static final int HEADROOM = 10;

  private WsFrames() {}

  /** A pooled direct buffer for a payload of about {@code payloadBytes}, with header room. */
  public static ByteBuf allocate(ByteBufAllocator alloc, int payloadBytes) {
    ByteBuf out = alloc.directBuffer(HEADROOM + payloadBytes);
    out.writerIndex(HEADROOM);
    out.readerIndex(HEADROOM);
    return out;
  }

  /**
   * Writes a final text frame's header just before the readable payload and moves the reader index
   * onto it; returns false, changing nothing, when there is not enough room in front.
   */
  public static boolean frame(ByteBuf payload) {
    int length = payload.readableBytes();
    int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
    int start = payload.readerIndex() - header;
    if (start < 0) {
      return false;
    }
    payload.setByte(start, 0x81);
    if (header == 2) {
      payload.setByte(start + 1, length);
    } else if (header == 4) {
      payload.setByte(start + 1, 126);
      payload.setShort(start + 2, length);
    } else {
      payload.setByte(start + 1, 127);
      payload.setLong(start + 2, length);
    }
    payload.readerIndex(start);
    return true;
  }
}
