package io.cairn.server;

/** The server cannot start or run: the message says what happened and what to do. */
public final class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean portInUse;

  public ServerException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param portInUse the port to listen on is taken by another process, so that a command can say
   *     how to choose another one in its own terms
   */
  public ServerException(String message, Throwable cause, boolean portInUse) {
    super(message, cause);
    this.portInUse = portInUse;
  }

  public boolean portInUse() {
    return portInUse;
  }
}
