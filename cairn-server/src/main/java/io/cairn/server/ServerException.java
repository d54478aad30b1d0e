package io.cairn.server;

/** The server cannot start or run: the message says what happened and what to do. */
public final class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
