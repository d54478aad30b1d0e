package io.cairn.engine.journal;

/**
 * A journal or snapshot operation failed: an I/O error, or a misuse such as a recovery position
 * that is not a record boundary. After one thrown by {@link Journal#flush()} the journal refuses
 * further writes: what reached the disk is unknown, so the shard must stop and recover.
 */
public class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
