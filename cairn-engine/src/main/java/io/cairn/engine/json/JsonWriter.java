package io.cairn.engine.json;

import java.util.Arrays;
import org.agrona.MutableDirectBuffer;

/**
 * Writes JSON straight into a buffer, with no intermediate tree or String: the engine's replies and
 * events are built here byte by byte, allocation-free. Commas and colons are placed by the writer
 * (it tracks nesting), so callers only say what comes next. Strings are escaped per RFC 8259
 * (quotes, backslash, every control character) and written as UTF-8. Numbers with a fraction are
 * written with a fixed count of decimals, which is all the protocol needs (coordinates, distances)
 * and avoids {@code Double.toString}. Use an expandable buffer, or one with room for the message.
 *
 * <p>Bytes are gathered in a reused array (plain array stores are several times faster than
 * bounds-checked buffer writes) and copied into the buffer in one block when the top-level value is
 * closed, or on {@link #flush}.
 */
public final class JsonWriter {
  /** Decimals for latitudes and longitudes: about 0.1 m. */
  public static final int COORDINATE_DECIMALS = 6;

  /** Decimals for distances in metres. */
  public static final int DISTANCE_DECIMALS = 1;

  private static final int MAX_DEPTH = 32;
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final long[] POWERS_OF_TEN = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private final boolean[] hasElement = new boolean[MAX_DEPTH];
  private final byte[] digits = new byte[20];
  private byte[] bytes = new byte[4096];
  private int count;
  private int flushed;
  private MutableDirectBuffer buffer;
  private int start;
  private int depth;
  private boolean afterName;

  /** Starts a new document at {@code offset}. */
  public JsonWriter wrap(MutableDirectBuffer buffer, int offset) {
    this.buffer = buffer;
    this.start = offset;
    this.count = 0;
    this.flushed = 0;
    this.depth = 0;
    this.hasElement[0] = false;
    this.afterName = false;
    return this;
  }

  public MutableDirectBuffer buffer() {
    return buffer;
  }

  /** Offset just past the last byte written. */
  public int position() {
    return start + count;
  }

  /** Bytes written since {@link #wrap}. */
  public int length() {
    return count;
  }

  /** Copies what is not yet in the buffer into it; closing the top-level value does it too. */
  public JsonWriter flush() {
    if (count > flushed) {
      buffer.putBytes(start + flushed, bytes, flushed, count - flushed);
      flushed = count;
    }
    return this;
  }

  public JsonWriter startObject() {
    beforeValue();
    return open((byte) '{');
  }

  public JsonWriter endObject() {
    return close((byte) '}');
  }

  public JsonWriter startArray() {
    beforeValue();
    return open((byte) '[');
  }

  public JsonWriter endArray() {
    return close((byte) ']');
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(CharSequence name) {
    if (hasElement[depth]) {
      putByte((byte) ',');
    }
    hasElement[depth] = true;
    quoted(name);
    putByte((byte) ':');
    afterName = true;
    return this;
  }

  /**
   * Writes a member name already in JSON form (from {@link #encode}): names written on every reply
   * are encoded once, then copied.
   */
  public JsonWriter name(byte[] encodedName) {
    if (hasElement[depth]) {
      putByte((byte) ',');
    }
    hasElement[depth] = true;
    copy(encodedName);
    putByte((byte) ':');
    afterName = true;
    return this;
  }

  /** Writes a value already in JSON form (from {@link #encode}). */
  public JsonWriter encoded(byte[] json) {
    beforeValue();
    copy(json);
    return this;
  }

  /**
   * The JSON form of {@code value}: quoted, escaped, UTF-8. For strings written many times (ids,
   * titles, texts), so that writing them is one array copy. Allocates.
   */
  public static byte[] encode(CharSequence value) {
    JsonWriter scratch = new JsonWriter();
    scratch.quoted(value);
    return Arrays.copyOf(scratch.bytes, scratch.count);
  }

  public JsonWriter string(CharSequence value) {
    beforeValue();
    quoted(value);
    return this;
  }

  public JsonWriter number(long value) {
    beforeValue();
    putLong(value);
    return this;
  }

  /**
   * Writes {@code value} rounded half away from zero to {@code decimals} (0-9) decimals; NaN and
   * infinities, which JSON cannot hold, are written as null.
   */
  public JsonWriter number(double value, int decimals) {
    beforeValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      putAscii("null");
      return this;
    }
    long scale = POWERS_OF_TEN[decimals];
    double scaled = Math.abs(value) * scale;
    if (scaled >= 9.0e18) {
      putAscii("null");
      return this;
    }
    long units = Math.round(scaled);
    if (units != 0 && value < 0) {
      putByte((byte) '-');
    }
    putLong(units / scale);
    if (decimals > 0) {
      putByte((byte) '.');
      long fraction = units % scale;
      for (int d = decimals - 1; d >= 0; d--) {
        putByte((byte) ('0' + (fraction / POWERS_OF_TEN[d]) % 10));
      }
    }
    return this;
  }

  public JsonWriter bool(boolean value) {
    beforeValue();
    putAscii(value ? "true" : "false");
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    putAscii("null");
    return this;
  }

  public JsonWriter field(CharSequence name, CharSequence value) {
    return name(name).string(value);
  }

  public JsonWriter field(CharSequence name, long value) {
    return name(name).number(value);
  }

  public JsonWriter field(CharSequence name, boolean value) {
    return name(name).bool(value);
  }

  public JsonWriter field(CharSequence name, double value, int decimals) {
    return name(name).number(value, decimals);
  }

  private JsonWriter open(byte bracket) {
    putByte(bracket);
    depth++;
    if (depth >= MAX_DEPTH) {
      throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
    }
    hasElement[depth] = false;
    return this;
  }

  private JsonWriter close(byte bracket) {
    if (depth == 0) {
      throw new IllegalStateException("nothing to close");
    }
    depth--;
    putByte(bracket);
    if (depth == 0) {
      flush();
    }
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (hasElement[depth]) {
      putByte((byte) ',');
    }
    hasElement[depth] = true;
  }

  private void quoted(CharSequence s) {
    int n = s.length();
    ensure(n * 6 + 2);
    byte[] b = bytes;
    int c = count;
    b[c++] = '"';
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        if (ch >= 0x20 && ch != '"' && ch != '\\') {
          b[c++] = (byte) ch;
        } else {
          c = escape(b, c, ch);
        }
      } else if (ch < 0x800) {
        b[c++] = (byte) (0xC0 | (ch >> 6));
        b[c++] = (byte) (0x80 | (ch & 0x3F));
      } else if (Character.isHighSurrogate(ch)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, s.charAt(++i));
        b[c++] = (byte) (0xF0 | (cp >> 18));
        b[c++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[c++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[c++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        char u = Character.isSurrogate(ch) ? '\uFFFD' : ch;
        b[c++] = (byte) (0xE0 | (u >> 12));
        b[c++] = (byte) (0x80 | ((u >> 6) & 0x3F));
        b[c++] = (byte) (0x80 | (u & 0x3F));
      }
    }
    b[c++] = '"';
    count = c;
  }

  /** Writes the escape of a quote, backslash or control character at {@code c}; returns the end. */
  private static int escape(byte[] b, int c, char ch) {
    b[c++] = '\\';
    switch (ch) {
      case '"' -> b[c++] = '"';
      case '\\' -> b[c++] = '\\';
      case '\n' -> b[c++] = 'n';
      case '\r' -> b[c++] = 'r';
      case '\t' -> b[c++] = 't';
      case '\b' -> b[c++] = 'b';
      case '\f' -> b[c++] = 'f';
      default -> {
        b[c++] = 'u';
        b[c++] = '0';
        b[c++] = '0';
        b[c++] = HEX[ch >> 4];
        b[c++] = HEX[ch & 0xF];
      }
    }
    return c;
  }

  private void putLong(long value) {
    if (value == Long.MIN_VALUE) {
      putAscii("-9223372036854775808");
      return;
    }
    if (value < 0) {
      putByte((byte) '-');
      value = -value;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
    ensure(n);
    byte[] b = bytes;
    int c = count;
    while (n > 0) {
      b[c++] = digits[--n];
    }
    count = c;
  }

  private void copy(byte[] source) {
    ensure(source.length);
    System.arraycopy(source, 0, bytes, count, source.length);
    count += source.length;
  }

  private void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[count++] = (byte) s.charAt(i);
    }
  }

  private void putByte(byte b) {
    if (count == bytes.length) {
      ensure(1);
    }
    bytes[count++] = b;
  }

  private void ensure(int extra) {
    if (count + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + extra));
    }
  }
}
