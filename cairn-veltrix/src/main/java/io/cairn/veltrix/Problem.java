package io.cairn.veltrix;

/**
 * One thing wrong with a Veltrix file, located precisely enough for an editor to jump to it.
 *
 * @param file the file name as the user gave it (or "upload", "environment", "flags")
 * @param line 1-based line, 0 when the problem has no position (an environment variable)
 * @param column 1-based column, 0 when the problem has no position
 * @param keyPath where in the document, such as {@code puzzles[2].hints[0].after}
 * @param message what was expected, in plain words
 */
public record Problem(String file, int line, int column, String keyPath, String message) {

  /** {@code file:line:column: keyPath: message}, the form compilers and editors understand. */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!keyPath.isEmpty()) {
      sb.append(keyPath).append(": ");
    }
    return sb.append(message).toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
