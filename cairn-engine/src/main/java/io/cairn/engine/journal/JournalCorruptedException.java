package io.cairn.engine.journal;

import java.nio.file.Path;

/**
 * The journal is damaged somewhere other than its torn tail, so replaying it would silently lose or
 * invent changes. The message names the segment file, the offset, what is wrong and what the
 * operator can do; recovery never repairs such damage by itself.
 */
public final class JournalCorruptedException extends JournalException {
  private static final long serialVersionUID = 1L;

  private final transient Path segment;
  private final long fileOffset;

  public JournalCorruptedException(Path segment, long fileOffset, String message) {
    super(message);
    this.segment = segment;
    this.fileOffset = fileOffset;
  }

  /** The damaged segment file. */
  public Path segment() {
    return segment;
  }

  /** Offset of the damage within {@link #segment()}, in bytes. */
  public long fileOffset() {
    return fileOffset;
  }
}
