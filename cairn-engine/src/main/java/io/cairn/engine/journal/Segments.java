package io.cairn.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.agrona.collections.LongArrayList;

/**
 * Names and lists segment files. A segment is named by its base position, zero-padded to 20 digits
 * so that names sort like positions: {@code 00000000000000004096.journal}.
 */
final class Segments {
  static final String SUFFIX = ".journal";
  private static final int DIGITS = 20;

  private Segments() {}

  static Path path(Path dir, long basePosition) {
    String digits = Long.toString(basePosition);
    StringBuilder name = new StringBuilder(DIGITS + SUFFIX.length());
    for (int i = digits.length(); i < DIGITS; i++) {
      name.append('0');
    }
    return dir.resolve(name.append(digits).append(SUFFIX).toString());
  }

  /** Base position encoded in a file name, or -1 when the name is not a segment's. */
  static long basePosition(String fileName) {
    if (fileName.length() != DIGITS + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < DIGITS; i++) {
      char c = fileName.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
      if (value < 0) {
        return -1;
      }
    }
    return value;
  }

  /** Base positions of the segments in {@code dir}, ascending. */
  static long[] list(Path dir) throws IOException {
    LongArrayList bases = new LongArrayList();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : stream) {
        long base = basePosition(file.getFileName().toString());
        if (base >= 0 && Files.isRegularFile(file)) {
          bases.addLong(base);
        }
      }
    }
    long[] sorted = bases.toLongArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Makes file creations, renames and deletions in {@code dir} durable. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
