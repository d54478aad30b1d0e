package io.cairn.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of the admin API: the {@code admin-token} setting when it is set, otherwise a
 * random token generated on first start and kept in the data directory (file {@code admin-token},
 * readable by its owner only). {@code created} tells whoever starts the server to print it once.
 */
public record AdminToken(String token, boolean created) {
  public static final String FILE = "admin-token";
  private static final int RANDOM_BYTES = 32;

  public AdminToken {
    if (token.isBlank()) {
      throw new IllegalArgumentException("admin token is empty");
    }
  }

  public static AdminToken loadOrCreate(Path dataDir, String configured) {
    if (!configured.isBlank()) {
      return new AdminToken(configured.strip(), false);
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
      }
      byte[] random = new byte[RANDOM_BYTES];
      new SecureRandom().nextBytes(random);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(dataDir);
      try {
        createOwnerOnly(file);
      } catch (FileAlreadyExistsException raced) {
        return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      return new AdminToken(token, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the admin token " + file, e);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      file.toFile().setWritable(false, false);
      file.toFile().setWritable(true, true);
    }
  }

  /**
   * Whether {@code candidate} is this token, in time independent of where they differ: both are
   * hashed first so that not even their lengths are compared directly.
   */
  public boolean matches(String candidate) {
    return MessageDigest.isEqual(sha256(token), sha256(candidate));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "AdminToken[created=" + created + "]";
  }
}
