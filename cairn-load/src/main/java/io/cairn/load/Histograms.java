package io.cairn.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Histograms as one line of text, for the pipe between a worker and the coordinator. */
final class Histograms {
  private Histograms() {}

  /** A histogram of nanoseconds that grows as needed, 3 significant digits. */
  static Histogram newNanos() {
    Histogram h = new Histogram(3);
    h.setAutoResize(true);
    return h;
  }

  static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buf);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), length));
  }

  static Histogram decode(String text) {
    try {
      Histogram h =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
      h.setAutoResize(true);
      return h;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
    }
  }
}
