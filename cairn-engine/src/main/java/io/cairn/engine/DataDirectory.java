package io.cairn.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The layout of a data directory and the facts fixed when it was created: the shard count (a hunt's
 * journal lives in one shard's directory, so the count cannot change under it) and the secret that
 * signs player tokens.
 *
 * <pre>
 * data/
 *   cairn.properties        format version and shard count
 *   secret                  token HMAC key (hex, owner-only permissions)
 *   shard-0/journal/        segment files
 *   shard-0/snapshots/      snapshot files
 *   shard-1/...
 * </pre>
 */
public final class DataDirectory {
  private static final String PROPERTIES = "cairn.properties";
  private static final int FORMAT_VERSION = 1;

  private final Path root;
  private final int shards;
  private final byte[] tokenSecret;

  private DataDirectory(Path root, int shards, byte[] tokenSecret) {
    this.root = root;
    this.shards = shards;
    this.tokenSecret = tokenSecret;
  }

  /**
   * Opens {@code root}, creating it with {@code requestedShards} when new. An existing directory
   * keeps the shard count it was created with; {@link #shards()} tells which one applies.
   */
  public static DataDirectory open(Path root, int requestedShards) {
    try {
      Files.createDirectories(root);
      Path properties = root.resolve(PROPERTIES);
      int shards;
      if (Files.exists(properties)) {
        shards = readShards(properties);
      } else {
        shards = requestedShards;
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT_VERSION));
        p.setProperty("shards", Integer.toString(shards));
        try (var out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
          p.store(out, "Cairn data directory: do not edit");
        }
      }
      return new DataDirectory(root, shards, readOrCreateSecret(root.resolve("secret")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open data directory " + root + ": " + e, e);
    }
  }

  private static int readShards(Path properties) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String format = p.getProperty("format", "");
    if (!format.equals(Integer.toString(FORMAT_VERSION))) {
      throw new IllegalStateException(
          properties + " has format '" + format + "'; this Cairn reads format " + FORMAT_VERSION);
    }
    try {
      return Integer.parseInt(p.getProperty("shards", ""));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(properties + " has no valid 'shards' entry", e);
    }
  }

  private static byte[] readOrCreateSecret(Path file) throws IOException {
    if (Files.exists(file)) {
      return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Path tmp = file.resolveSibling("secret.tmp");
    Files.writeString(
        tmp,
        HexFormat.of().formatHex(secret) + "\n",
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's own permissions protect the secret
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }

  public Path root() {
    return root;
  }

  public int shards() {
    return shards;
  }

  public byte[] tokenSecret() {
    return tokenSecret.clone();
  }

  public Path journalDir(int shard) {
    return root.resolve("shard-" + shard).resolve("journal");
  }

  public Path snapshotDir(int shard) {
    return root.resolve("shard-" + shard).resolve("snapshots");
  }
}
