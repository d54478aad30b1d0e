package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  /**
   * The repository root, where the default hunt file is; surefire runs in the module's directory.
   */
  private static final Path ROOT = Path.of("..");

  /** The specification's example, which has a fixed ends-at: the hunt for the ended checks. */
  private static final Path HARBOR = ROOT.resolve("examples/harbor-run.hunt.yaml");

  /** Three hours after the example's ends-at; nothing runs, so the clock may stand still. */
  private static final Clock AFTER_EXAMPLE_ENDS =
      Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  /**
   * The system clock moved to an hour before the example's starts-at, so that the organiser's START
   * is what starts it whatever today's date: it ticks in real time, as the bots do.
   */
  private static Clock beforeExampleStarts() {
    return Clock.offset(
        Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-12-01T17:00:00Z")));
  }

  private static long number(String line, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as("'%s' in '%s'", pattern, line).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String line(CliRun run, String label) {
    return run.outLines().stream()
        .filter(l -> l.startsWith(label + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + run.out()));
  }

  @Test
  void botsPlayTheExampleHuntOnTheRealEngineAndTheTemporaryDataIsRemoved() {
    CliRun run =
        CliRun.run(
            beforeExampleStarts(),
            Map.of(),
            ROOT,
            "simulate",
            "--bots",
            "20",
            "--duration",
            "3s",
            "--seed",
            "42",
            "--set",
            "shards=2");
    assertThat(run.exitCode()).as(run.err()).isZero();

    Matcher data = Pattern.compile("data (\\S+) \\(temporary\\)").matcher(run.err());
    assertThat(data.find()).as(run.err()).isTrue();
    assertThat(Path.of(data.group(1))).doesNotExist();
    assertThat(run.errLines())
        .anySatisfy(l -> assertThat(l).matches("\\[ *\\d+s] \\d+ cmd/s, 20 players, .*"));

    assertThat(line(run, "hunt")).contains("old-town", "Secrets of the Old Town");
    assertThat(line(run, "run")).contains("20 bots", "seed 42");
    assertThat(number(line(run, "commands"), "^commands +(\\d+),")).isPositive();
    assertThat(line(run, "latency")).matches("latency +p50 [\\d.]+ ms, p99 [\\d.]+ ms, max .*");
    assertThat(number(line(run, "journal"), "(\\d+) records")).isPositive();
    assertThat(number(line(run, "journal"), "(\\d+) fsyncs")).isPositive();
    String game = line(run, "game");
    assertThat(number(game, "(\\d+) players")).isEqualTo(20);
    assertThat(number(game, "(\\d+) solves?") + number(game, "(\\d+) claims?")).isPositive();
    assertThat(line(run, "errors"))
        .as("bots play by the rules: no move too fast, no malformed or unanswered command")
        .doesNotContain("IMPOSSIBLE_MOVE", "BAD_", "NOT_JOINED", "UNKNOWN_", "OVERLOADED")
        .doesNotContain("TIMEOUT");

    List<String> out = run.outLines();
    int board = out.indexOf(line(run, "leaderboard"));
    List<String> rows = out.subList(board + 1, out.size());
    assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    assertThat(rows.getFirst()).matches(" +1  \\S.* +\\d+");
  }

  @Test
  void refusesAHuntThatHasEnded() {
    CliRun run = CliRun.run(AFTER_EXAMPLE_ENDS, Map.of(), dir, "simulate", HARBOR.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            HARBOR
                + ": hunt harbor-run ended at 2026-12-01T21:00:00Z (its ends-at); it is now"
                + " 2026-12-02T00:00:00Z, so there is nothing to play. Set a later ends-at (or"
                + " remove it) to simulate it.");
  }

  @Test
  void refusesAHuntFileWhoseEndsAtIsInThePast() throws IOException {
    Path old =
        Files.writeString(
            dir.resolve("old.hunt.yaml"),
            Files.readString(HARBOR)
                .replace("starts-at: 2026-12-01T18:00:00Z", "starts-at: 2020-03-01T18:00:00Z")
                .replace("ends-at: 2026-12-01T21:00:00Z", "ends-at: 2020-03-01T21:00:00Z"));
    CliRun run = CliRun.run(Map.of(), dir, "simulate", old.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(old + ": hunt harbor-run ended at 2020-03-01T21:00:00Z");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(old);
    }
  }

  @Test
  void keepsTheDataDirectoryGivenWithData() {
    Path data = dir.resolve("data");
    CliRun run =
        CliRun.run(
            beforeExampleStarts(),
            Map.of(),
            dir,
            "simulate",
            HARBOR.toString(),
            "--bots=3",
            "--duration=1s",
            "--data",
            data.toString(),
            "--set",
            "shards=1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("data " + data + ", 1 shard,");
    assertThat(data.resolve("cairn.properties")).isRegularFile();
    assertThat(data.resolve("shard-0").resolve("journal")).isNotEmptyDirectory();
  }

  @Test
  void reportsAnInvalidHuntFileWithItsProblems() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.hunt.yaml"),
            Files.readString(HARBOR).replace("title: Harbor Run", "tilte: Harbor Run"));
    CliRun run = CliRun.run(Map.of(), dir, "simulate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).anySatisfy(l -> assertThat(l).startsWith(bad + ":2:1: tilte: "));
  }

  @Test
  void aDurationThatIsNotOneIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "simulate", "--duration", "soon");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid value for option '--duration'")
        .contains("a duration such as 250ms, 10s, 15m, 2h or 1h30m");
  }

  @Test
  void noBotsIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "simulate", "--bots", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bots must be between 1 and 100000, not 0");
  }
}
