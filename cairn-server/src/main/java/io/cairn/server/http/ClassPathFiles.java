package io.cairn.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads resources of the server's jar. */
final class ClassPathFiles {
  private ClassPathFiles() {}

  /** The bytes of class path resource {@code name} (no leading slash), or empty when absent. */
  static Optional<byte[]> read(String name) {
    try (InputStream in = ClassPathFiles.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource " + name, e);
    }
  }
}
