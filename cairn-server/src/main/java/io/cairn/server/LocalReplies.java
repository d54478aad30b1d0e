package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * Writes the messages the gateway answers itself (envelope errors, load shedding, pings before a
 * join, error pushes) straight into pooled buffers. Codes and messages are ASCII constants, so no
 * escaping is needed.
 */
public final class LocalReplies {
  /** {@code re} of a request whose id could not be read. */
  public static final long NO_ID = -1;

  private LocalReplies() {}

  /** {@code {"re":id,"ok":true}}. */
  public static ByteBuf ok(ByteBufAllocator alloc, long id) {
    ByteBuf out = alloc.directBuffer(32);
    ByteBufUtil.writeAscii(out, "{\"re\":");
    writeId(out, id);
    ByteBufUtil.writeAscii(out, ",\"ok\":true}");
    return out;
  }

  /** An error reply; {@code retryAfterMs} below 0 leaves the field out. */
  public static ByteBuf error(
      ByteBufAllocator alloc, long id, String code, String message, long retryAfterMs) {
    ByteBuf out = alloc.directBuffer(96 + message.length());
    ByteBufUtil.writeAscii(out, "{\"re\":");
    writeId(out, id);
    ByteBufUtil.writeAscii(out, ",\"ok\":false,\"error\":{\"code\":\"");
    ByteBufUtil.writeAscii(out, code);
    ByteBufUtil.writeAscii(out, "\",\"message\":\"");
    writeText(out, message);
    out.writeByte('"').writeByte('}');
    if (retryAfterMs >= 0) {
      ByteBufUtil.writeAscii(out, ",\"retryAfterMs\":");
      writeLong(out, retryAfterMs);
    }
    out.writeByte('}');
    return out;
  }

  /** An {@code error} push: protocol trouble that is not the reply to a request. */
  public static ByteBuf errorPush(ByteBufAllocator alloc, String code, String message) {
    ByteBuf out = alloc.directBuffer(64 + message.length());
    ByteBufUtil.writeAscii(out, "{\"ev\":\"error\",\"code\":\"");
    ByteBufUtil.writeAscii(out, code);
    ByteBufUtil.writeAscii(out, "\",\"message\":\"");
    ByteBufUtil.writeAscii(out, message);
    out.writeByte('"').writeByte('}');
    return out;
  }

  /** ASCII text with quotes, backslashes and control characters escaped. */
  private static void writeText(ByteBuf out, String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.writeByte('\\').writeByte(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.writeByte('?');
      } else {
        out.writeByte(c);
      }
    }
  }

  private static void writeId(ByteBuf out, long id) {
    if (id < 0) {
      ByteBufUtil.writeAscii(out, "null");
    } else {
      writeLong(out, id);
    }
  }

  static void writeLong(ByteBuf out, long value) {
    if (value < 0) {
      out.writeByte('-');
      value = -value;
    }
    if (value == 0) {
      out.writeByte('0');
      return;
    }
    long divisor = 1;
    while (value / divisor >= 10) {
      divisor *= 10;
    }
    while (divisor > 0) {
      out.writeByte((int) ('0' + (value / divisor) % 10));
      divisor /= 10;
    }
  }

  private static final byte[] OK_FALSE = "\"ok\":false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CODE = "\"code\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether {@code reply} (a reply's JSON) is an error reply; if so its code is copied into {@code
   * code}. Replies start with {@code {"re":N,"ok":...}}, so only their head is searched for the
   * verdict. Allocation-free, for the metrics of every reply.
   */
  public static boolean errorCode(ByteBuf reply, StringBuilder code) {
    int start = reply.readerIndex();
    int end = reply.writerIndex();
    int verdict = indexOf(reply, OK_FALSE, start, Math.min(end, start + 64));
    if (verdict < 0) {
      return false;
    }
    code.setLength(0);
    int at = indexOf(reply, CODE, verdict, end);
    if (at >= 0) {
      for (int i = at + CODE.length; i < end; i++) {
        byte b = reply.getByte(i);
        if (b == '"') {
          break;
        }
        code.append((char) b);
      }
    }
    return true;
  }

  private static int indexOf(ByteBuf buffer, byte[] needle, int from, int to) {
    for (int i = from; i <= to - needle.length; i++) {
      int j = 0;
      while (j < needle.length && buffer.getByte(i + j) == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return i;
      }
    }
    return -1;
  }
}
