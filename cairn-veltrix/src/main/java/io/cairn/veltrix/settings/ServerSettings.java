package io.cairn.veltrix.settings;

import io.cairn.veltrix.Problem;
import io.cairn.veltrix.Suggestions;
import io.cairn.veltrix.VeltrixException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective server settings, resolved once at start from four layers, lowest first: built-in
 * defaults, the server file ({@code cairn.yaml}), {@code CAIRN_*} environment variables and
 * command-line flags. Immutable; read by every thread without locks. Every bad value and unknown
 * key of every layer is reported at once, in one {@link VeltrixException}.
 */
public final class ServerSettings {
  /** Environment variables read by the {@code ./cairn} launcher itself, never by the server. */
  public static final List<String> LAUNCHER_VARIABLES = List.of("CAIRN_JAVA_OPTS");

  private static final String ENV_PREFIX = "CAIRN_";
  private static final String ENVIRONMENT = "environment";
  private static final String FLAGS = "flags";

  private final long[] numbers;
  private final String[] texts;
  private final Layer[] layers;
  private final String[] sources;
  private final Optional<Path> file;

  private ServerSettings(Builder b) {
    this.numbers = b.numbers;
    this.texts = b.texts;
    this.layers = b.layers;
    this.sources = b.sources;
    this.file = b.file;
  }

  /** The built-in defaults alone. */
  public static ServerSettings defaults() {
    return load(Optional.empty(), Map.of(), Map.of());
  }

  /**
   * Resolves the settings.
   *
   * @param file the server file, if one is used; it must exist
   * @param env the process environment; only {@code CAIRN_*} variables are read, and an unknown one
   *     is an error
   * @param flags {@code key -> value} from the command line ({@code --set key=value})
   * @throws VeltrixException listing every problem of every layer
   */
  public static ServerSettings load(
      Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
    Builder b = new Builder(file);
    file.ifPresent(b::applyFile);
    b.applyEnvironment(env);
    b.applyFlags(flags);
    b.checkTogether();
    if (!b.problems.isEmpty()) {
      throw new VeltrixException(b.problems);
    }
    return new ServerSettings(b);
  }

  public int port() {
    return intValue(Setting.PORT);
  }

  public String host() {
    return texts[Setting.HOST.ordinal()];
  }

  public Path dataDir() {
    return Path.of(texts[Setting.DATA_DIR.ordinal()]);
  }

  public Path huntsDir() {
    return Path.of(texts[Setting.HUNTS_DIR.ordinal()]);
  }

  public Path benchDir() {
    return Path.of(texts[Setting.BENCH_DIR.ordinal()]);
  }

  public int shards() {
    return intValue(Setting.SHARDS);
  }

  public int shardQueueBytes() {
    return intValue(Setting.SHARD_QUEUE_BYTES);
  }

  /** {@code always}, {@code interval} or {@code never}. */
  public String fsync() {
    return texts[Setting.FSYNC.ordinal()];
  }

  public long fsyncIntervalNs() {
    return numbers[Setting.FSYNC_INTERVAL.ordinal()];
  }

  public long journalSegmentBytes() {
    return numbers[Setting.JOURNAL_SEGMENT_BYTES.ordinal()];
  }

  public long snapshotIntervalNs() {
    return numbers[Setting.SNAPSHOT_INTERVAL.ordinal()];
  }

  public long boardTickNs() {
    return numbers[Setting.BOARD_TICK.ordinal()];
  }

  public int maxFrameBytes() {
    return intValue(Setting.MAX_FRAME_BYTES);
  }

  public int maxConnections() {
    return intValue(Setting.MAX_CONNECTIONS);
  }

  public int outboundHighWaterBytes() {
    return intValue(Setting.OUTBOUND_HIGH_WATER_BYTES);
  }

  public int outboundLimitBytes() {
    return intValue(Setting.OUTBOUND_LIMIT_BYTES);
  }

  /** Per connection. */
  public int requestsPerSecond() {
    return intValue(Setting.REQUESTS_PER_SECOND);
  }

  public long idleTimeoutNs() {
    return numbers[Setting.IDLE_TIMEOUT.ordinal()];
  }

  /** Empty when the server is to generate one at start. */
  public String adminToken() {
    return texts[Setting.ADMIN_TOKEN.ordinal()];
  }

  /** Tile URL template of the player client's map; empty for none. */
  public String mapTilesUrl() {
    return texts[Setting.MAP_TILES_URL.ordinal()];
  }

  public String mapAttribution() {
    return texts[Setting.MAP_ATTRIBUTION.ordinal()];
  }

  /** The heap the launcher gives the JVM; the running server only reports it. */
  public long heapBytes() {
    return numbers[Setting.HEAP.ordinal()];
  }

  /** The server file these settings were read from, if any. */
  public Optional<Path> file() {
    return file;
  }

  /** Every key, in registry order. */
  public List<String> keys() {
    return Setting.keys();
  }

  /** The layer that set the effective value of {@code key}. */
  public Layer layerOf(String key) {
    return layers[setting(key).ordinal()];
  }

  /** The effective value of {@code key} as it was written ({@code 4MiB}, not 4194304). */
  public String valueText(String key) {
    return texts[setting(key).ordinal()];
  }

  /**
   * Exactly where the value came from: {@code cairn.yaml:3:7}, {@code CAIRN_BOARD_TICK}, {@code
   * --set board-tick}, or {@code built-in}.
   */
  public String sourceOf(String key) {
    return sources[setting(key).ordinal()];
  }

  private int intValue(Setting s) {
    return Math.toIntExact(numbers[s.ordinal()]);
  }

  private static Setting setting(String key) {
    return Setting.byKey(key)
        .orElseThrow(() -> new IllegalArgumentException("no setting named '" + key + "'"));
  }

  /** Where a value was written, so a problem with it can point there. */
  private record Location(String file, int line, int column, String keyPath) {
    Problem problem(String message) {
      return new Problem(file, line, column, keyPath, message);
    }
  }

  /** Mutable state of one resolution; each layer overwrites what the lower ones set. */
  private static final class Builder {
    final long[] numbers = new long[Setting.values().length];
    final String[] texts = new String[numbers.length];
    final Layer[] layers = new Layer[numbers.length];
    final String[] sources = new String[numbers.length];
    final Location[] locations = new Location[numbers.length];
    final List<Problem> problems = new ArrayList<>();
    final Optional<Path> file;

    Builder(Optional<Path> file) {
      this.file = file;
      for (Setting s : Setting.values()) {
        if (!(s.read(s.defaultText()) instanceof Parsed.Value v)) {
          throw new IllegalStateException("the default of " + s.key() + " is invalid");
        }
        set(s, v, Layer.DEFAULT, "built-in", new Location("defaults", 0, 0, s.key()));
      }
    }

    void applyFile(Path path) {
      String name = path.toString();
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                .toString();
      } catch (NoSuchFileException e) {
        problems.add(new Problem(name, 0, 0, "", "no such file"));
        return;
      } catch (CharacterCodingException e) {
        problems.add(new Problem(name, 0, 0, "", "file is not valid UTF-8 text"));
        return;
      } catch (IOException e) {
        problems.add(new Problem(name, 0, 0, "", "cannot read the server file: " + e.getMessage()));
        return;
      }
      applyFileText(name, text);
    }

    void applyFileText(String name, String text) {
      String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
      ServerFile.Contents contents = ServerFile.parse(name, withoutBom);
      problems.addAll(contents.problems());
      for (ServerFile.Entry e : contents.entries()) {
        Optional<Setting> setting = Setting.byKey(e.key());
        if (setting.isEmpty()) {
          problems.add(
              new Problem(
                  name,
                  e.keyLine(),
                  e.keyColumn(),
                  e.key(),
                  Suggestions.withSuggestion("unknown setting", e.key(), Setting.keys())));
          continue;
        }
        Location location = new Location(name, e.valueLine(), e.valueColumn(), e.key());
        apply(
            setting.get(),
            e.value(),
            Layer.FILE,
            name + ":" + e.valueLine() + ":" + e.valueColumn(),
            location);
      }
    }

    void applyEnvironment(Map<String, String> env) {
      List<String> known = new ArrayList<>(Setting.environmentVariables());
      known.addAll(LAUNCHER_VARIABLES);
      for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
        String variable = e.getKey();
        if (!variable.startsWith(ENV_PREFIX) || LAUNCHER_VARIABLES.contains(variable)) {
          continue;
        }
        Optional<Setting> setting = settingOfVariable(variable);
        if (setting.isEmpty()) {
          problems.add(
              new Problem(
                  ENVIRONMENT,
                  0,
                  0,
                  variable,
                  Suggestions.withSuggestion("unknown Cairn variable", variable, known)));
          continue;
        }
        apply(
            setting.get(),
            e.getValue(),
            Layer.ENVIRONMENT,
            variable,
            new Location(ENVIRONMENT, 0, 0, variable));
      }
    }

    void applyFlags(Map<String, String> flags) {
      for (Map.Entry<String, String> e : flags.entrySet()) {
        String flag = "--set " + e.getKey();
        Optional<Setting> setting = Setting.byKey(e.getKey());
        if (setting.isEmpty()) {
          problems.add(
              new Problem(
                  FLAGS,
                  0,
                  0,
                  flag,
                  Suggestions.withSuggestion("unknown setting", e.getKey(), Setting.keys())));
          continue;
        }
        apply(setting.get(), e.getValue(), Layer.FLAG, flag, new Location(FLAGS, 0, 0, flag));
      }
    }

    /** Rules that relate two settings, checked on the effective values. */
    void checkTogether() {
      int high = Setting.OUTBOUND_HIGH_WATER_BYTES.ordinal();
      int limit = Setting.OUTBOUND_LIMIT_BYTES.ordinal();
      if (numbers[high] > numbers[limit]) {
        Setting blamed =
            layers[high].compareTo(layers[limit]) >= 0
                ? Setting.OUTBOUND_HIGH_WATER_BYTES
                : Setting.OUTBOUND_LIMIT_BYTES;
        problems.add(
            locations[blamed.ordinal()].problem(
                "outbound-high-water-bytes ("
                    + texts[high]
                    + ") must not exceed outbound-limit-bytes ("
                    + texts[limit]
                    + ")"));
      }
    }

    private void apply(Setting s, String text, Layer layer, String source, Location location) {
      switch (s.read(text)) {
        case Parsed.Value v -> set(s, v, layer, source, location);
        case Parsed.Invalid invalid -> problems.add(location.problem(invalid.message()));
      }
    }

    private void set(Setting s, Parsed.Value v, Layer layer, String source, Location location) {
      int i = s.ordinal();
      numbers[i] = v.number();
      texts[i] = v.text();
      layers[i] = layer;
      sources[i] = source;
      locations[i] = location;
    }

    private static Optional<Setting> settingOfVariable(String variable) {
      for (Setting s : Setting.values()) {
        if (s.environmentVariable().equals(variable)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }
}
