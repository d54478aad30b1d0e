package io.cairn.veltrix;

/**
 * One difference between a running hunt and the file that would replace it.
 *
 * @param keyPath where in the file, such as {@code puzzles[0].answers} (the new file's position, or
 *     the old one's for something removed)
 * @param description what changes and, when it is refused, why, in plain words
 * @param safe true when it can be applied without force
 * @param forcible false for a change that no force can apply (a different hunt id)
 */
public record ReloadChange(String keyPath, String description, boolean safe, boolean forcible) {

  /** A change that force can apply when it is not safe. */
  public ReloadChange(String keyPath, String description, boolean safe) {
    this(keyPath, description, safe, true);
  }
}
