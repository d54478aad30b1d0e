package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke run of {@code cairn bench}: a few seconds, a few hundred players, against a server
 * the command starts in a child process. Asserts that it ran and reported, never how fast.
 */
class BenchCommandTest {
  private static final String[] OPS = {
    "move", "scan", "guess-right", "guess-wrong", "claim", "board"
  };

  @TempDir Path dir;

  @Test
  void runsPlayersAgainstAStartedServerAndReports() throws Exception {
    CliRun run =
        shortRun(
            "10s",
            "--param",
            "mix=move=30,scan=20,guess-wrong=20,board=10,guess-right=10,claim=10",
            "--out",
            "results");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("started cairn serve").contains("measuring");
    assertThat(run.out()).contains("throughput: offered 400/s");
    Path results = dir.resolve("results");
    JsonNode s = new ObjectMapper().readTree(results.resolve("summary.json").toFile());
    assertThat(s.at("/target").asText()).isEqualTo("cairn");
    assertThat(s.at("/players/connected").asLong()).isEqualTo(200);
    assertThat(s.at("/requests/replies").asLong()).isPositive();
    assertThat(s.at("/requests/errors").asLong()).as(s.at("/errors").toString()).isZero();
    assertThat(s.at("/requests/outOfOrder").asLong()).isZero();
    for (String op : OPS) {
      assertThat(s.at("/latencyMs/" + op + "/sent").asLong()).as(op).isPositive();
      assertThat(s.at("/latencyMs/" + op + "/replies").asLong()).as(op).isPositive();
    }
    assertThat(s.at("/latencyMs/all/count").asLong()).isPositive();
    assertThat(s.at("/push/claimedEvents").asLong()).isPositive();
    assertThat(s.at("/server/requests").asDouble()).isPositive();
    assertThat(s.at("/server/journal/fsyncs").asDouble()).isPositive();
    assertThat(s.at("/server/rssBytes").asDouble()).isPositive();
    assertThat(Files.readString(results.resolve("latency.hlog")))
        .contains("#[StartTime:")
        .contains("\"StartTimestamp\"");
    assertThat(Files.readString(results.resolve("histograms.hlog"))).contains("Tag=all,");
    assertThat(run.out()).contains("report: " + results.resolve("report.html"));
    assertThat(Files.readString(results.resolve("report.html")))
        .contains("<svg")
        .contains("data-name=\"claim\"");
    assertThat(results.resolve("latency-spectrum.svg")).exists();
  }

  @Test
  void reportOnlyRedrawsTheReportFromAFinishedRunWithoutLoad() throws Exception {
    Path run = Files.createDirectories(dir.resolve("old-run"));
    Files.writeString(
        run.resolve("summary.json"),
        """
        {"target": "cairn", "players": {"connected": 5, "requested": 5},
         "throughput": {"offeredPerS": 50.0, "achievedPerS": 49.5},
         "requests": {"sent": 100, "replies": 99, "errors": 0},
         "latencyMs": {"all": {"count": 99, "p50": 1.5, "p90": 2.5, "p99": 7.25, "max": 9.0}}}
        """);

    CliRun result = CliRun.run(Map.of(), dir, "bench", "--report-only", "old-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("report: " + run.resolve("report.html"));
    assertThat(Files.readString(run.resolve("report.html")))
        .contains("<td>all</td><td></td><td></td><td>1.500</td><td>2.500</td><td>7.250</td>")
        .contains("<title>all: p99 7.250 ms</title>");
    assertThat(Files.readString(run.resolve("latency-spectrum.svg"))).contains("data-name=\"all\"");
  }

  @Test
  void reportOnlyOfADirectoryWithoutSummaryExplains() {
    CliRun result = CliRun.run(Map.of(), dir, "bench", "--report-only", "nothing-here");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("no summary.json in " + dir.resolve("nothing-here"))
        .contains("--out directory");
  }

  @Test
  void bothTargetsReportClaimedDeliveryOfTheEchoServerAndRatiosToIt() throws Exception {
    CliRun run =
        shortRun(
            "5s",
            "--target",
            "both",
            "--param",
            "mix=move=50,scan=20,guess-wrong=10,guess-right=10,claim=10",
            "--out",
            "results");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("started cairn echo").contains("started cairn serve");
    assertThat(run.out()).contains("cairn / echo latency: p50 ").contains("claimed delivery: p50 ");
    JsonNode s = new ObjectMapper().readTree(dir.resolve("results/summary.json").toFile());
    assertThat(s.at("/target").asText()).isEqualTo("both");
    // every claim of the echo run reached the 200 players as a claimed event, timed from its "at"
    assertThat(s.at("/echo/push/claimedEvents").asLong()).isGreaterThanOrEqualTo(200);
    assertThat(s.at("/echo/push/claimedDeliveryMs/count").asLong()).isPositive();
    assertThat(s.at("/echo/push/claimedDeliveryMs/p99").isNumber()).isTrue();
    assertThat(s.at("/echo/push/events").asLong())
        .isGreaterThan(s.at("/echo/push/claimedEvents").asLong()); // solved events too
    assertThat(s.at("/echo/requests/outOfOrder").asLong()).isZero();
    assertThat(s.at("/cairn/push/claimedDeliveryMs/count").asLong()).isPositive();
    for (String ratio :
        new String[] {
          "throughputRatioToEcho",
          "latencyP50RatioToEcho",
          "latencyP99RatioToEcho",
          "latencyP999RatioToEcho",
          "claimedP50RatioToEcho",
          "claimedP99RatioToEcho",
          "claimedMaxRatioToEcho"
        }) {
      assertThat(s.get(ratio)).as(ratio).isNotNull();
      assertThat(s.get(ratio).asDouble()).as(ratio).isPositive();
    }
  }

  @Test
  void profileWritesAFlameGraphAndCollapsedStacksOfTheServerOverTheMeasuredPart() throws Exception {
    CliRun run = shortRun("2s", "--out", "results", "--profile"); // no event: cpu

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path results = dir.resolve("results");
    Path html = results.resolve("cairn-flame-cpu.html");
    Path collapsed = results.resolve("cairn-flame-cpu.txt");
    assertThat(run.out()).contains("profile (cpu): flame graph " + html);
    assertThat(Files.readString(html)).contains("<html").contains("io/cairn");
    assertThat(Files.readString(collapsed)).contains("io/cairn/");
    JsonNode p =
        new ObjectMapper().readTree(results.resolve("summary.json").toFile()).at("/profile");
    assertThat(p.at("/event").asText()).isEqualTo("cpu");
    assertThat(p.at("/taken").asBoolean()).as(p.toString()).isTrue();
    assertThat(p.at("/flameGraph").asText()).isEqualTo(html.toString());
    assertThat(p.at("/collapsedStacks").asText()).isEqualTo(collapsed.toString());
    assertThat(p.at("/samples").asLong()).isPositive();
    assertThat(p.has("perfEventParanoid")).isTrue();
  }

  @Test
  void profileOfAServerTheBenchDidNotStartIsRefused() {
    CliRun run =
        CliRun.run(Map.of(), dir, "bench", "--url", "ws://127.0.0.1:9/ws", "--profile", "wall");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--profile").contains("drop --url").contains("asprof -e wall");
  }

  @Test
  void badScenarioKeyIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "bench", "--param", "playerz=10");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown scenario key 'playerz'").contains("players");
  }

  @Test
  void badValueNamesTheKeyAndWhatItExpects() {
    CliRun run = CliRun.run(Map.of(), dir, "bench", "--duration", "ten seconds");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("scenario key 'duration'").contains("250ms");
  }

  /**
   * A run of a few seconds: 200 players at 400 requests/s, 1 s of ramp-up and warmup, 2 s measured,
   * {@code drain} to collect the last replies and events, then {@code extra} options.
   */
  private CliRun shortRun(String drain, String... extra) {
    String[] common = {
      "bench",
      "--players",
      "200",
      "--rate",
      "400",
      "--ramp-up",
      "1s",
      "--warmup",
      "1s",
      "--duration",
      "2s",
      "--param",
      "drain=" + drain
    };
    String[] args = Arrays.copyOf(common, common.length + extra.length);
    System.arraycopy(extra, 0, args, common.length, extra.length);
    return CliRun.run(Map.of(), dir, args);
  }
}
