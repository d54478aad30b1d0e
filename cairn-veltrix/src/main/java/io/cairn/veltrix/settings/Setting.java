package io.cairn.veltrix.settings;

import static io.cairn.veltrix.settings.SettingSpec.choice;
import static io.cairn.veltrix.settings.SettingSpec.duration;
import static io.cairn.veltrix.settings.SettingSpec.integer;
import static io.cairn.veltrix.settings.SettingSpec.path;
import static io.cairn.veltrix.settings.SettingSpec.size;
import static io.cairn.veltrix.settings.SettingSpec.text;
import static io.cairn.veltrix.settings.Units.GIB;
import static io.cairn.veltrix.settings.Units.KIB;
import static io.cairn.veltrix.settings.Units.MIB;
import static io.cairn.veltrix.settings.Units.NS_PER_D;
import static io.cairn.veltrix.settings.Units.NS_PER_MS;
import static io.cairn.veltrix.settings.Units.NS_PER_S;
import static io.cairn.veltrix.settings.Units.TIB;

import io.cairn.veltrix.Suggestions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every server setting. One constant per setting, in the order {@code cairn config}
 * prints them; the JSON Schema of {@code cairn.yaml} and the settings table of docs/operations.md
 * are generated from it, so they cannot drift.
 */
public enum Setting {
  PORT(
      "port",
      integer(8080, 0, 65_535),
      "TCP port of the player WebSocket and HTTP API (0 = any free port)"),
  HOST(
      "host",
      text("0.0.0.0").withRule(Setting::nonEmpty),
      "address to listen on (0.0.0.0 = every interface)"),
  DATA_DIR("data-dir", path("./data"), "directory of the journal, snapshots and token secret"),
  HUNTS_DIR(
      "hunts-dir", path("./hunts"), "every *.hunt.yaml file in this directory is loaded at start"),
  BENCH_DIR(
      "bench-dir",
      path("./bench-out"),
      "runs of cairn bench (one directory each) listed by the admin dashboard's Benchmarks view"),
  SHARDS(
      "shards",
      integer(Runtime.getRuntime().availableProcessors(), 1, 1024)
          .documentedDefault("number of cores"),
      "engine threads; each is the single writer of the hunts hashed to it"),
  SHARD_QUEUE_BYTES(
      "shard-queue-bytes",
      size("4MiB", 64 * KIB, GIB).withRule(Setting::powerOfTwo),
      "capacity of each shard's inbound command ring (a power of two); full = OVERLOADED"),
  FSYNC(
      "fsync",
      choice("always", "always", "interval", "never"),
      "when the journal forces batches to disk: always (every batch), interval, never (benchmarks only)"),
  FSYNC_INTERVAL(
      "fsync-interval",
      duration("10ms", NS_PER_MS, NS_PER_S),
      "with fsync: interval, the least time between two forces (what a crash may lose)"),
  JOURNAL_SEGMENT_BYTES(
      "journal-segment-bytes",
      size("64MiB", MIB, GIB),
      "size at which a journal segment file is rolled"),
  SNAPSHOT_INTERVAL(
      "snapshot-interval",
      duration("5m", NS_PER_S, NS_PER_D),
      "time between snapshots, which bound how much journal a restart replays"),
  BOARD_TICK(
      "board-tick",
      duration("250ms", 10 * NS_PER_MS, 60 * NS_PER_S),
      "period of leaderboard pushes and lifecycle checks (changes within a tick are coalesced)"),
  MAX_FRAME_BYTES(
      "max-frame-bytes",
      size("4KiB", 256, MIB),
      "largest WebSocket frame a player may send; a larger one is refused with FRAME_TOO_LARGE"),
  MAX_CONNECTIONS(
      "max-connections",
      integer(19_000, 1, 1_000_000),
      "open player connections; more are refused"),
  OUTBOUND_HIGH_WATER_BYTES(
      "outbound-high-water-bytes",
      size("256KiB", 4 * KIB, GIB),
      "queued outbound bytes past which a slow reader is sent nothing more"),
  OUTBOUND_LIMIT_BYTES(
      "outbound-limit-bytes",
      size("1MiB", 4 * KIB, GIB),
      "queued outbound bytes past which a slow reader is disconnected (1008 SLOW_CONSUMER)"),
  REQUESTS_PER_SECOND(
      "requests-per-second",
      integer(50, 1, 1_000_000),
      "commands one connection may send per second; the excess is refused"),
  IDLE_TIMEOUT(
      "idle-timeout",
      duration("60s", NS_PER_S, NS_PER_D),
      "a connection silent for this long is closed"),
  ADMIN_TOKEN(
      "admin-token",
      text("").withRule(Setting::strongToken).asSecret(),
      "bearer token of the admin API (at least 16 characters; empty = generated at start)"),
  MAP_TILES_URL(
      "map-tiles-url",
      text("https://tile.openstreetmap.org/{z}/{x}/{y}.png").withRule(Setting::tileTemplate),
      "map tiles of the player client, {z}/{x}/{y} template (empty = no tiles, a blank map)"),
  MAP_ATTRIBUTION(
      "map-attribution",
      text("© OpenStreetMap contributors"),
      "credit line the player client shows under the map tiles, as the tile source requires"),
  HEAP(
      "heap",
      size("1g", 64 * MIB, 16 * TIB),
      "Java heap (-Xms and -Xmx), applied by the ./cairn launcher when it starts Java");

  private static final int MIN_TOKEN_CHARS = 16;
  private static final Map<String, Setting> BY_KEY = new HashMap<>();
  private static final List<String> KEYS;
  private static final List<String> VARIABLES;

  static {
    for (Setting s : values()) {
      BY_KEY.put(s.key, s);
    }
    KEYS = Arrays.stream(values()).map(Setting::key).toList();
    VARIABLES = Arrays.stream(values()).map(Setting::environmentVariable).toList();
  }

  private final String key;
  private final SettingSpec spec;
  private final String description;

  Setting(String key, SettingSpec spec, String description) {
    this.key = key;
    this.spec = spec;
    this.description = description;
  }

  /** The kebab-case key, as written in {@code cairn.yaml} and {@code --set key=value}. */
  public String key() {
    return key;
  }

  public SettingType type() {
    return spec.type();
  }

  /** One line saying what the setting does. */
  public String description() {
    return description;
  }

  /** The built-in value, written as a user would write it ({@code 4MiB}). */
  public String defaultText() {
    return spec.defaultText();
  }

  /**
   * The default as documented: the same as {@link #defaultText()} unless it depends on the machine.
   */
  public String documentedDefault() {
    return spec.defaultDoc().orElse(spec.defaultText());
  }

  /** The allowed words of an {@link SettingType#ENUM} setting; empty for other types. */
  public List<String> choices() {
    return spec.choices();
  }

  /** Smallest allowed value in base units (bytes, nanoseconds) for numeric types. */
  public long min() {
    return spec.min();
  }

  /** Largest allowed value in base units for numeric types. */
  public long max() {
    return spec.max();
  }

  /** Whether the value is a secret that {@code cairn config} must not print. */
  public boolean secret() {
    return spec.secret();
  }

  /** {@code CAIRN_} and the key in upper snake case: {@code CAIRN_BOARD_TICK}. */
  public String environmentVariable() {
    return "CAIRN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public static Optional<Setting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Every key, in registry order. */
  public static List<String> keys() {
    return KEYS;
  }

  /** Every {@code CAIRN_*} variable a setting answers to, in registry order. */
  public static List<String> environmentVariables() {
    return VARIABLES;
  }

  /** Parses and checks {@code text}: syntax, range, allowed words and the setting's own rule. */
  Parsed read(String rawText) {
    String text = rawText.strip();
    Parsed parsed = spec.type().parse(text);
    if (!(parsed instanceof Parsed.Value value)) {
      return parsed;
    }
    switch (spec.type()) {
      case INT, SIZE, DURATION -> {
        if (value.number() < spec.min() || value.number() > spec.max()) {
          return new Parsed.Invalid(
              "must be between "
                  + format(spec.min())
                  + " and "
                  + format(spec.max())
                  + ", got "
                  + text);
        }
      }
      case ENUM -> {
        if (!spec.choices().contains(text)) {
          String expected =
              "expected one of " + String.join(", ", spec.choices()) + ", got '" + text + "'";
          return new Parsed.Invalid(
              Suggestions.closest(text.toLowerCase(Locale.ROOT), spec.choices())
                  .map(s -> expected + " (did you mean '" + s + "'?)")
                  .orElse(expected));
        }
      }
      case STRING, PATH, BOOL -> {}
    }
    return spec.rule().check(value.number(), text).<Parsed>map(Parsed.Invalid::new).orElse(value);
  }

  private String format(long baseUnits) {
    return switch (spec.type()) {
      case SIZE -> Units.formatBytes(baseUnits);
      case DURATION -> Units.formatNs(baseUnits);
      default -> Long.toString(baseUnits);
    };
  }

  private static Optional<String> nonEmpty(long number, String text) {
    return text.isEmpty() ? Optional.of("must not be empty") : Optional.empty();
  }

  private static Optional<String> powerOfTwo(long bytes, String text) {
    return Long.bitCount(bytes) == 1
        ? Optional.empty()
        : Optional.of("must be a power of two, such as 4MiB, got " + text);
  }

  private static Optional<String> tileTemplate(long number, String url) {
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/"))) {
      return Optional.of("must be an http(s):// URL or a path on this server, got " + url);
    }
    for (String part : List.of("{z}", "{x}", "{y}")) {
      if (!url.contains(part)) {
        return Optional.of("must contain {z}, {x} and {y} (a tile template), got " + url);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> strongToken(long number, String token) {
    return token.isEmpty() || token.length() >= MIN_TOKEN_CHARS
        ? Optional.empty()
        : Optional.of(
            "must be empty (a token is generated) or at least "
                + MIN_TOKEN_CHARS
                + " characters, got "
                + token.length());
  }
}
