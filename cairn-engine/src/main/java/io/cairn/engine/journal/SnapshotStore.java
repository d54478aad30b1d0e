package io.cairn.engine.journal;

import java.io.BufferedOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.agrona.collections.LongArrayList;

/**
 * Snapshots of one shard's state, each covering the journal up to a position, so that recovery
 * replays only the journal after it.
 *
 * <p>Files are named by that position, zero-padded so names sort like positions ({@code
 * 00000000000000004096.snapshot}), and laid out as:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     Magic "CRNS" (0x43524E53)                 |  0
 *  +---------------------------------------------------------------+
 *  |                           Version (1)                         |  4
 *  +---------------------------------------------------------------+
 *  |                           Position                            |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Data, as written by the Writer               ... 16
 * ...                                                              |
 *  +---------------------------------------------------------------+
 *  |            CRC32C of everything before it (little-endian)     |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * The header is big-endian, as {@link DataOutput} writes it. A write goes to a temporary file that
 * is forced, renamed over the final name atomically, and the directory is forced: a crash leaves
 * either the old set of snapshots or the new one, never a half-written snapshot under a final name.
 * The newest two are kept, so a snapshot damaged on disk later still leaves one to fall back to.
 */
public final class SnapshotStore {
  /** How many snapshots are kept after a write. */
  public static final int KEEP = 2;

  static final String SUFFIX = ".snapshot";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int MAGIC = 0x43524E53;
  private static final int VERSION = 1;
  private static final int HEADER_BYTES = 16;
  private static final int TRAILER_BYTES = 4;
  private static final int DIGITS = 20;

  private final Path dir;

  /**
   * @param dir the directory holding this shard's snapshots and nothing else (for example {@code
   *     <shard dir>/snapshots}); created if missing
   */
  public SnapshotStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new JournalException("Cannot create the snapshot directory " + dir + ": " + e, e);
    }
  }

  /** Writes the state of a shard to a snapshot. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutput out) throws IOException;
  }

  /**
   * A valid snapshot.
   *
   * @param position the journal position it covers: replay the journal from there
   * @param data what the {@link Writer} wrote
   */
  public record Snapshot(long position, byte[] data) {}

  /**
   * Atomically writes a snapshot covering the journal up to {@code position} (temporary file,
   * force, rename, force of the directory), then deletes all but the newest {@link #KEEP}.
   *
   * @throws JournalException on an I/O error, or when the writer throws an {@link IOException} (an
   *     unchecked exception from the writer propagates as it is); no file is left behind
   */
  public void write(long position, Writer writer) {
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, was " + position);
    }
    Path target = path(position);
    Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
    try {
      try (FileOutputStream file = new FileOutputStream(temp.toFile())) {
        CRC32C crc = new CRC32C();
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new ChecksummedStream(file, crc), 64 * 1024));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(position);
        writer.write(out);
        out.flush();
        file.write(
            ByteBuffer.allocate(TRAILER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue())
                .array());
        file.getFD().sync();
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Segments.forceDirectory(dir);
      deleteAllButNewest();
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new JournalException("Cannot write snapshot " + target + ": " + e, e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /**
   * The newest snapshot whose checksum, header and name agree; a damaged newer one is skipped in
   * favour of an older one.
   */
  public Optional<Snapshot> latest() {
    long[] positions = positions();
    for (int i = positions.length - 1; i >= 0; i--) {
      byte[] data = readValid(positions[i]);
      if (data != null) {
        return Optional.of(new Snapshot(positions[i], data));
      }
    }
    return Optional.empty();
  }

  /** Positions of the snapshot files present (valid or not), ascending. */
  public long[] positions() {
    LongArrayList positions = new LongArrayList();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : stream) {
        long position = positionOf(file.getFileName().toString());
        if (position >= 0) {
          positions.addLong(position);
        }
      }
    } catch (IOException e) {
      throw new JournalException("Cannot list snapshots in " + dir + ": " + e, e);
    }
    long[] sorted = positions.toLongArray();
    Arrays.sort(sorted);
    return sorted;
  }

  Path path(long position) {
    String digits = Long.toString(position);
    return dir.resolve("0".repeat(DIGITS - digits.length()) + digits + SUFFIX);
  }

  private static long positionOf(String fileName) {
    if (fileName.length() != DIGITS + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
      return -1;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (fileName.charAt(i) < '0' || fileName.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(fileName, 0, DIGITS, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private byte[] readValid(long position) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path(position));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new JournalException("Cannot read snapshot " + path(position) + ": " + e, e);
    }
    if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
      return null;
    }
    int contentBytes = bytes.length - TRAILER_BYTES;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, contentBytes);
    ByteBuffer view = ByteBuffer.wrap(bytes);
    if (view.order(ByteOrder.LITTLE_ENDIAN).getInt(contentBytes) != (int) crc.getValue()) {
      return null;
    }
    view.order(ByteOrder.BIG_ENDIAN);
    if (view.getInt(0) != MAGIC || view.getInt(4) != VERSION || view.getLong(8) != position) {
      return null;
    }
    return Arrays.copyOfRange(bytes, HEADER_BYTES, contentBytes);
  }

  private void deleteAllButNewest() throws IOException {
    long[] positions = positions();
    for (int i = 0; i < positions.length - KEEP; i++) {
      Files.deleteIfExists(path(positions[i]));
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX + TEMP_SUFFIX)) {
      for (Path stale : stream) {
        Files.deleteIfExists(stale);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the write already failed; that failure is what the caller needs to see
    }
  }

  /** Feeds every byte written through it to a checksum. */
  private static final class ChecksummedStream extends OutputStream {
    private final OutputStream out;
    private final CRC32C crc;

    ChecksummedStream(OutputStream out, CRC32C crc) {
      this.out = out;
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
    }
  }
}
