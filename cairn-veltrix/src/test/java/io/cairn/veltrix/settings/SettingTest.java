package io.cairn.veltrix.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingTest {

  private static long number(Setting s, String text) {
    Parsed p = s.read(text);
    assertThat(p).as(text).isInstanceOf(Parsed.Value.class);
    return ((Parsed.Value) p).number();
  }

  private static String problem(Setting s, String text) {
    Parsed p = s.read(text);
    assertThat(p).as(text).isInstanceOf(Parsed.Invalid.class);
    return ((Parsed.Invalid) p).message();
  }

  @Test
  void readsSizesInBinaryUnitsAndJvmShorthand() {
    assertThat(number(Setting.SHARD_QUEUE_BYTES, "4MiB")).isEqualTo(4L << 20);
    assertThat(number(Setting.MAX_FRAME_BYTES, "4KiB")).isEqualTo(4096);
    assertThat(number(Setting.MAX_FRAME_BYTES, "4096")).isEqualTo(4096);
    assertThat(number(Setting.MAX_FRAME_BYTES, "512B")).isEqualTo(512);
    assertThat(number(Setting.HEAP, "1g")).isEqualTo(1L << 30);
    assertThat(number(Setting.HEAP, "2G")).isEqualTo(2L << 30);
    assertThat(number(Setting.HEAP, "512m")).isEqualTo(512L << 20);
    assertThat(number(Setting.HEAP, "1TiB")).isEqualTo(1L << 40);
  }

  @Test
  void refusesDecimalSizeUnitsAsAmbiguous() {
    assertThat(problem(Setting.SHARD_QUEUE_BYTES, "4MB"))
        .isEqualTo("'MB' is ambiguous: write MiB for 1024×1024 bytes");
    assertThat(problem(Setting.MAX_FRAME_BYTES, "4kb")).contains("write KiB");
  }

  @Test
  void refusesUnknownSizeUnitsAndFractions() {
    assertThat(problem(Setting.MAX_FRAME_BYTES, "4 parsecs")).startsWith("expected a size");
    assertThat(problem(Setting.MAX_FRAME_BYTES, "4Xi"))
        .isEqualTo("unknown size unit 'Xi' in '4Xi': use B, KiB, MiB, GiB or TiB");
    assertThat(problem(Setting.HEAP, "1.5g")).startsWith("expected a size");
  }

  @Test
  void readsDurationsInEveryUnit() {
    assertThat(number(Setting.BOARD_TICK, "250ms")).isEqualTo(250_000_000L);
    assertThat(number(Setting.SNAPSHOT_INTERVAL, "15m")).isEqualTo(900_000_000_000L);
    assertThat(number(Setting.SNAPSHOT_INTERVAL, "2h")).isEqualTo(7_200_000_000_000L);
    assertThat(number(Setting.SNAPSHOT_INTERVAL, "1d")).isEqualTo(86_400_000_000_000L);
    assertThat(number(Setting.IDLE_TIMEOUT, "60s")).isEqualTo(60_000_000_000L);
    assertThat(number(Setting.FSYNC_INTERVAL, "1500us")).isEqualTo(1_500_000L);
    assertThat(number(Setting.FSYNC_INTERVAL, "2000000ns")).isEqualTo(2_000_000L);
  }

  @Test
  void refusesADurationWithoutUnit() {
    assertThat(problem(Setting.BOARD_TICK, "250"))
        .isEqualTo("a duration needs a unit: write 250ms, 250s or 250m");
  }

  @Test
  void refusesUnknownDurationUnitsAndFractions() {
    assertThat(problem(Setting.BOARD_TICK, "3fortnights"))
        .isEqualTo(
            "unknown duration unit 'fortnights' in '3fortnights': use ns, us, ms, s, m, h or d");
    assertThat(problem(Setting.BOARD_TICK, "0.5s")).startsWith("expected a duration");
  }

  @Test
  void refusesNumbersTooLargeForTheirUnit() {
    assertThat(problem(Setting.SNAPSHOT_INTERVAL, "99999999999999999d")).contains("too large");
    assertThat(problem(Setting.HEAP, "99999999999999999T")).contains("too large");
  }

  @Test
  void refusesValuesOutsideTheRangeNamingItInTheSettingsUnits() {
    assertThat(problem(Setting.PORT, "70000")).isEqualTo("must be between 0 and 65535, got 70000");
    assertThat(problem(Setting.BOARD_TICK, "1ms"))
        .isEqualTo("must be between 10ms and 1m, got 1ms");
    assertThat(problem(Setting.SHARD_QUEUE_BYTES, "2GiB"))
        .isEqualTo("must be between 64KiB and 1GiB, got 2GiB");
    assertThat(problem(Setting.SHARDS, "0")).isEqualTo("must be between 1 and 1024, got 0");
  }

  @Test
  void refusesTextWhereAWholeNumberIsExpected() {
    assertThat(problem(Setting.PORT, "eighty")).isEqualTo("expected a whole number, got 'eighty'");
    assertThat(problem(Setting.MAX_CONNECTIONS, "1e6")).startsWith("expected a whole number");
  }

  @Test
  void acceptsOnlyTheListedFsyncPoliciesAndSuggestsTheClosest() {
    assertThat(Setting.FSYNC.read("interval")).isEqualTo(new Parsed.Value(0, "interval"));
    assertThat(problem(Setting.FSYNC, "allways"))
        .isEqualTo(
            "expected one of always, interval, never, got 'allways' (did you mean 'always'?)");
    assertThat(problem(Setting.FSYNC, "sometimes"))
        .isEqualTo("expected one of always, interval, never, got 'sometimes'");
  }

  @Test
  void requiresAPowerOfTwoForTheShardQueue() {
    assertThat(number(Setting.SHARD_QUEUE_BYTES, "128KiB")).isEqualTo(128 * 1024);
    assertThat(problem(Setting.SHARD_QUEUE_BYTES, "3MiB"))
        .isEqualTo("must be a power of two, such as 4MiB, got 3MiB");
  }

  @Test
  void refusesAShortAdminTokenButAcceptsEmptyForAGeneratedOne() {
    assertThat(Setting.ADMIN_TOKEN.read("")).isInstanceOf(Parsed.Value.class);
    assertThat(Setting.ADMIN_TOKEN.read("0123456789abcdef")).isInstanceOf(Parsed.Value.class);
    assertThat(problem(Setting.ADMIN_TOKEN, "secret"))
        .isEqualTo("must be empty (a token is generated) or at least 16 characters, got 6");
  }

  @Test
  void mapTilesUrlIsATileTemplateOrEmpty() {
    assertThat(Setting.MAP_TILES_URL.read("")).isInstanceOf(Parsed.Value.class);
    assertThat(Setting.MAP_TILES_URL.read("/tiles/{z}/{x}/{y}.png"))
        .isInstanceOf(Parsed.Value.class);
    assertThat(Setting.MAP_TILES_URL.read(Setting.MAP_TILES_URL.defaultText()))
        .isInstanceOf(Parsed.Value.class);
    assertThat(problem(Setting.MAP_TILES_URL, "https://tiles.example/{z}/{x}.png"))
        .isEqualTo(
            "must contain {z}, {x} and {y} (a tile template), got https://tiles.example/{z}/{x}.png");
    assertThat(problem(Setting.MAP_TILES_URL, "ftp://t/{z}/{x}/{y}"))
        .isEqualTo("must be an http(s):// URL or a path on this server, got ftp://t/{z}/{x}/{y}");
  }

  @Test
  void refusesAnEmptyHostOrPath() {
    assertThat(problem(Setting.HOST, "  ")).isEqualTo("must not be empty");
    assertThat(problem(Setting.DATA_DIR, "")).isEqualTo("expected a path, got an empty value");
    assertThat(problem(Setting.DATA_DIR, "bad\0path")).contains("is not a valid path");
  }

  @Test
  void readsBooleansStrictly() {
    assertThat(SettingType.BOOL.parse("true")).isEqualTo(new Parsed.Value(1, "true"));
    assertThat(SettingType.BOOL.parse("false")).isEqualTo(new Parsed.Value(0, "false"));
    assertThat(SettingType.BOOL.parse("yes"))
        .isEqualTo(new Parsed.Invalid("expected true or false, got 'yes'"));
  }

  @Test
  void trimsSurroundingWhitespace() {
    assertThat(Setting.BOARD_TICK.read(" 100ms\n"))
        .isEqualTo(new Parsed.Value(100_000_000L, "100ms"));
  }

  @Test
  void everyDefaultIsValid() {
    for (Setting s : Setting.values()) {
      assertThat(s.read(s.defaultText())).as(s.key()).isInstanceOf(Parsed.Value.class);
    }
  }

  @Test
  void keysAreUniqueKebabCaseWithAOneLineDescription() {
    Set<String> seen = new HashSet<>();
    for (Setting s : Setting.values()) {
      assertThat(s.key()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      assertThat(seen.add(s.key())).as(s.key()).isTrue();
      assertThat(s.description()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void namesTheEnvironmentVariableInUpperSnakeCase() {
    assertThat(Setting.BOARD_TICK.environmentVariable()).isEqualTo("CAIRN_BOARD_TICK");
    assertThat(Setting.OUTBOUND_HIGH_WATER_BYTES.environmentVariable())
        .isEqualTo("CAIRN_OUTBOUND_HIGH_WATER_BYTES");
    assertThat(Setting.HEAP.environmentVariable()).isEqualTo("CAIRN_HEAP");
  }

  @Test
  void registryHoldsEveryServerSettingWithItsDefault() {
    assertThat(Setting.keys())
        .containsExactly(
            "port",
            "host",
            "data-dir",
            "hunts-dir",
            "bench-dir",
            "shards",
            "shard-queue-bytes",
            "fsync",
            "fsync-interval",
            "journal-segment-bytes",
            "snapshot-interval",
            "board-tick",
            "max-frame-bytes",
            "max-connections",
            "outbound-high-water-bytes",
            "outbound-limit-bytes",
            "requests-per-second",
            "idle-timeout",
            "admin-token",
            "map-tiles-url",
            "map-attribution",
            "heap");
    assertThat(Setting.SHARDS.defaultText())
        .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    assertThat(Setting.SHARDS.documentedDefault()).isEqualTo("number of cores");
    assertThat(Setting.byKey("board-tick")).contains(Setting.BOARD_TICK);
    assertThat(Setting.byKey("board_tick")).isEmpty();
  }
}
