package io.cairn.veltrix.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** The syntax of a setting's value. Ranges and allowed choices belong to each {@link Setting}. */
public enum SettingType {
  /** A whole number: {@code 8080}. */
  INT,
  /** Bytes with a binary unit: {@code 4KiB}, {@code 64MiB}, {@code 1g}; a bare number is bytes. */
  SIZE,
  /** A whole number with a unit: {@code 250ms}, {@code 15m}, {@code 2h}. */
  DURATION,
  /** One of a fixed set of lower-case words. */
  ENUM,
  /** Any text. */
  STRING,
  /** A file system path, relative to the directory the server starts in. */
  PATH,
  /** {@code true} or {@code false}. */
  BOOL;

  /** Lower-case name, as shown in the settings table. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Checks the syntax of {@code text} (already trimmed) and converts it to base units. */
  Parsed parse(String text) {
    return switch (this) {
      case INT -> parseInt(text);
      case SIZE -> Units.parseSize(text);
      case DURATION -> Units.parseDuration(text);
      case BOOL -> parseBool(text);
      case PATH -> parsePath(text);
      case ENUM, STRING -> new Parsed.Value(0, text);
    };
  }

  private static Parsed parseInt(String text) {
    if (!text.matches("-?[0-9]{1,18}")) {
      return new Parsed.Invalid("expected a whole number, got '" + text + "'");
    }
    return new Parsed.Value(Long.parseLong(text), text);
  }

  private static Parsed parseBool(String text) {
    return switch (text) {
      case "true" -> new Parsed.Value(1, text);
      case "false" -> new Parsed.Value(0, text);
      default -> new Parsed.Invalid("expected true or false, got '" + text + "'");
    };
  }

  private static Parsed parsePath(String text) {
    if (text.isEmpty()) {
      return new Parsed.Invalid("expected a path, got an empty value");
    }
    try {
      Path.of(text);
      return new Parsed.Value(0, text);
    } catch (InvalidPathException e) {
      return new Parsed.Invalid("'" + text + "' is not a valid path: " + e.getReason());
    }
  }
}
