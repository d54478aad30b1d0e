package io.cairn.veltrix.settings;

/**
 * The outcome of reading one setting's text: a value or the reason it is not one. A bad value in a
 * file is an expected outcome, so it is returned, and all of them are collected before anything is
 * thrown.
 */
sealed interface Parsed {

  /**
   * @param number the value in base units (bytes, nanoseconds, 1/0 for booleans, the integer), 0
   *     for text-valued types
   * @param text the value as written, trimmed
   */
  record Value(long number, String text) implements Parsed {}

  /**
   * @param message what was expected, in plain words
   */
  record Invalid(String message) implements Parsed {}
}
