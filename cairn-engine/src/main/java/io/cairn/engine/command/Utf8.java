package io.cairn.engine.command;

import org.agrona.DirectBuffer;

/** Allocation-free UTF-8 decoding from a buffer into a reused {@link StringBuilder}. */
public final class Utf8 {
  private Utf8() {}

  /**
   * Appends the UTF-8 bytes {@code buffer[offset, offset+length)} to {@code out} as UTF-16. Returns
   * false on malformed input (truncated, overlong or surrogate sequences).
   */
  public static boolean decode(DirectBuffer buffer, int offset, int length, StringBuilder out) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = buffer.getByte(i++) & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        continue;
      }
      int extra;
      int cp;
      int min;
      if ((b & 0xE0) == 0xC0) {
        extra = 1;
        cp = b & 0x1F;
        min = 0x80;
      } else if ((b & 0xF0) == 0xE0) {
        extra = 2;
        cp = b & 0x0F;
        min = 0x800;
      } else if ((b & 0xF8) == 0xF0) {
        extra = 3;
        cp = b & 0x07;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + extra > end) {
        return false;
      }
      for (int k = 0; k < extra; k++) {
        int c = buffer.getByte(i++) & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      if (cp < 0x10000) {
        out.append((char) cp);
      } else {
        out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
      }
    }
    return true;
  }
}
