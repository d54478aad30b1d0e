package io.cairn.veltrix.settings;

import java.util.List;
import java.util.Optional;

/**
 * How one setting is written and checked: its type, default, range and extra rule. Built with the
 * static factories so each line of the {@link Setting} registry reads as a sentence.
 *
 * @param defaultText the built-in value, written as a user would write it
 * @param defaultDoc the default as documented, when the value depends on the machine
 * @param min smallest allowed value in base units (bytes, ns), for numeric types
 * @param max largest allowed value in base units, for numeric types
 * @param choices the allowed words of an {@link SettingType#ENUM}
 * @param rule a further check on the parsed value
 * @param secret whether the value must not be printed
 */
record SettingSpec(
    SettingType type,
    String defaultText,
    Optional<String> defaultDoc,
    long min,
    long max,
    List<String> choices,
    Rule rule,
    boolean secret) {

  /** A check beyond type and range; returns why the value is refused, or empty. */
  @FunctionalInterface
  interface Rule {
    Optional<String> check(long number, String text);
  }

  private static final Rule NONE = (number, text) -> Optional.empty();

  static SettingSpec integer(long defaultValue, long min, long max) {
    return numeric(SettingType.INT, Long.toString(defaultValue), min, max);
  }

  static SettingSpec size(String defaultText, long minBytes, long maxBytes) {
    return numeric(SettingType.SIZE, defaultText, minBytes, maxBytes);
  }

  static SettingSpec duration(String defaultText, long minNs, long maxNs) {
    return numeric(SettingType.DURATION, defaultText, minNs, maxNs);
  }

  static SettingSpec choice(String defaultText, String... choices) {
    return new SettingSpec(
        SettingType.ENUM, defaultText, Optional.empty(), 0, 0, List.of(choices), NONE, false);
  }

  static SettingSpec text(String defaultText) {
    return new SettingSpec(
        SettingType.STRING, defaultText, Optional.empty(), 0, 0, List.of(), NONE, false);
  }

  static SettingSpec path(String defaultText) {
    return new SettingSpec(
        SettingType.PATH, defaultText, Optional.empty(), 0, 0, List.of(), NONE, false);
  }

  static SettingSpec bool(boolean defaultValue) {
    return new SettingSpec(
        SettingType.BOOL,
        Boolean.toString(defaultValue),
        Optional.empty(),
        0,
        1,
        List.of(),
        NONE,
        false);
  }

  SettingSpec withRule(Rule extra) {
    return new SettingSpec(type, defaultText, defaultDoc, min, max, choices, extra, secret);
  }

  SettingSpec documentedDefault(String doc) {
    return new SettingSpec(type, defaultText, Optional.of(doc), min, max, choices, rule, secret);
  }

  SettingSpec asSecret() {
    return new SettingSpec(type, defaultText, defaultDoc, min, max, choices, rule, true);
  }

  private static SettingSpec numeric(SettingType type, String defaultText, long min, long max) {
    return new SettingSpec(type, defaultText, Optional.empty(), min, max, List.of(), NONE, false);
  }
}
