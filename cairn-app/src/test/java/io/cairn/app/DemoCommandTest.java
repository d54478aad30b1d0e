package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cairn demo} over loopback: the server, the started hunt, the bots, a third party. */
class DemoCommandTest {
  /**
   * Surefire runs in the module's directory; the test reads the hunt as any player author could.
   */
  private static final Path HUNT_FILE = Path.of("..", "examples", "old-town.hunt.yaml");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_S = 90;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  /** {@code cairn demo ARGS} on its own thread, as in a terminal; stopped as Ctrl-C would. */
  private final class Running implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);
    final DemoCommand demo;
    final Thread thread;

    Running(String... args) throws InterruptedException {
      CliContext context =
          new CliContext(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              Map.of(),
              dir,
              InstantSource.system());
      CommandLine cl = Cairn.commandLine(context);
      demo = cl.getSubcommands().get("demo").getCommand();
      String[] line = new String[args.length + 1];
      line[0] = "demo";
      System.arraycopy(args, 0, line, 1, args.length);
      thread = new Thread(() -> code.set(cl.execute(line)), "demo-under-test");
      thread.start();
      long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
      while (!out.toString().contains("Ctrl-C")
          && thread.isAlive()
          && System.nanoTime() < deadlineNs) {
        Thread.sleep(20);
      }
      assertThat(out.toString()).as(err.toString()).contains("Ctrl-C");
    }

    int port() {
      return demo.port();
    }

    int stop() throws InterruptedException {
      demo.stop();
      thread.join(TimeUnit.SECONDS.toMillis(WAIT_S));
      assertThat(thread.isAlive()).as("the demo stopped").isFalse();
      return code.get();
    }

    /** Stops a demo a failed assertion left running, so that it does not outlive its test. */
    @Override
    public void close() {
      if (thread.isAlive()) {
        demo.stop();
        try {
          thread.join(TimeUnit.SECONDS.toMillis(WAIT_S));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private JsonNode get(int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode catalogEntry(int port, String huntId) throws Exception {
    for (JsonNode hunt : get(port, "/api/hunts", null)) {
      if (hunt.path("id").asText().equals(huntId)) {
        return hunt;
      }
    }
    throw new AssertionError("no hunt " + huntId + " in the catalog");
  }

  /** Asks until {@code check} gives a non-null answer (HTTP has nothing to wait on). */
  private static <T> T eventually(String what, Callable<T> check) throws Exception {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadlineNs) {
      T answer = check.call();
      if (answer != null) {
        return answer;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not within " + WAIT_S + " s: " + what);
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
    return m.group(1);
  }

  @Test
  void servesTheStartedDemoHuntToBotsAndToAThirdPartyClient() throws Exception {
    Path data;
    try (Running demo = new Running("--port", "0", "--bots", "6", "--bot-speedup", "50")) {
      int port = demo.port();
      String banner = demo.out.toString();
      assertThat(banner)
          .contains(
              "http://localhost:" + port + "/",
              "ws://localhost:" + port + "/ws",
              "6 bots playing",
              "(temporary, deleted on exit)",
              "Stop with Ctrl-C.")
          .doesNotContain("0.0.0.0");
      String token = group(banner, "Bearer (\\S+)");
      data = Path.of(group(banner, "data +(\\S+)"));
      assertThat(data).isDirectory();

      JsonNode listed =
          eventually(
              "bots joined the demo hunt",
              () -> {
                JsonNode hunt = catalogEntry(port, "old-town");
                return hunt.path("players").asInt() > 0 ? hunt : null;
              });
      assertThat(listed.path("status").asText()).isEqualTo("running");
      assertThat(listed.path("title").asText()).isEqualTo("Secrets of the Old Town");
      JsonNode leader =
          eventually(
              "a team scored",
              () -> {
                JsonNode top = get(port, "/admin/hunts/old-town/board", token).path("top");
                return top.size() > 0 && top.get(0).path("score").asLong() > 0 ? top.get(0) : null;
              });
      assertThat(leader.path("team").asText()).isNotEmpty();

      HuntSnapshot file = HuntFiles.read(HUNT_FILE);
      Treasure target = file.treasure(file.treasureIndex("st-george"));
      assertThat(target.hasCode()).isTrue();
      Puzzle unlocking = file.puzzle(target.requires().get(0));
      try (PlayerSocket player = PlayerSocket.connect("ws://127.0.0.1:" + port + "/ws")) {
        JsonNode joined = player.call("join", "hunt", "old-town", "name", "Outsider");
        assertThat(joined.path("ok").asBoolean()).as(joined.toString()).isTrue();
        String team = joined.path("team").asText();
        assertThat(joined.path("token").asText()).isNotEmpty();

        JsonNode state = player.call("state").path("hunt");
        assertThat(state.path("status").asText()).isEqualTo("running");
        assertThat(state.path("puzzles").findValuesAsText("id")).contains(unlocking.id());

        JsonNode wrong = player.call("guess", "puzzle", unlocking.id(), "answer", "a dragon");
        assertThat(wrong.path("ok").asBoolean()).as(wrong.toString()).isTrue();
        assertThat(wrong.path("correct").asBoolean()).isFalse();
        JsonNode right =
            player.call(
                "guess", "puzzle", unlocking.id(), "answer", unlocking.normalizedAnswers().get(0));
        assertThat(right.path("correct").asBoolean()).as(right.toString()).isTrue();
        assertThat(right.path("points").asInt()).isPositive();

        JsonNode moved = player.call("move", "lat", target.lat(), "lon", target.lon());
        assertThat(moved.path("ok").asBoolean()).as(moved.toString()).isTrue();
        JsonNode scanned = player.call("scan");
        assertThat(scanned.path("treasures").findValuesAsText("id")).contains(target.id());
        JsonNode claimed =
            player.call("claim", "treasure", target.id(), "code", target.normalizedCode());
        assertThat(claimed.path("ok").asBoolean()).as(claimed.toString()).isTrue();
        assertThat(claimed.path("points").asInt()).isPositive();
        assertThat(claimed.path("score").asInt()).isGreaterThan(right.path("score").asInt());

        Puzzle hinted = file.puzzle(file.puzzleIndex("first-prize"));
        JsonNode hint = player.call("hint", "puzzle", hinted.id());
        assertThat(hint.path("ok").asBoolean()).as(hint.toString()).isTrue();
        assertThat(hint.path("hint").asText()).isEqualTo(hinted.hints().get(0).text());
        assertThat(hint.path("cost").asInt()).isEqualTo(hinted.hints().get(0).cost());
        JsonNode board = player.call("board", "limit", 5);
        assertThat(board.path("top").size()).isPositive();
        assertThat(board.path("you").path("rank").asInt()).isPositive();

        JsonNode fromBots =
            player.awaitEvent(e -> e.has("team") && !e.path("team").asText().equals(team), WAIT_S);
        assertThat(fromBots).as("a solved or claimed push event from a bot's team").isNotNull();
      }
      assertThat(demo.stop()).isZero();
      assertThat(demo.err.toString())
          .contains("demo hunt old-town loaded", "demo hunt old-town started", "journals flushed");
    }
    assertThat(data).as("the temporary data directory is deleted on exit").doesNotExist();
  }

  @Test
  void resumesTheDemoOfADataDirectoryWithoutLoadingOrStartingItAgain() throws Exception {
    Path data = dir.resolve("kept");
    String startedAt;
    try (Running first = new Running("--port", "0", "--bots", "0", "--data", data.toString())) {
      assertThat(first.out.toString()).contains("no bots").doesNotContain("temporary");
      assertThat(first.err.toString()).contains("demo hunt old-town loaded", "started");
      startedAt = catalogEntry(first.port(), "old-town").path("startsAt").asText();
      assertThat(first.stop()).isZero();
    }
    try (Running second = new Running("--port", "0", "--bots", "0", "--data", data.toString())) {
      assertThat(second.err.toString())
          .contains("demo hunt old-town is already in " + data + " (running): resuming it")
          .doesNotContain("loaded", "old-town started");
      JsonNode catalog = get(second.port(), "/api/hunts", null);
      assertThat(catalog).hasSize(1);
      assertThat(catalog.get(0).path("status").asText()).isEqualTo("running");
      assertThat(catalog.get(0).path("startsAt").asText())
          .as("started once, in the first run")
          .isEqualTo(startedAt);
      assertThat(second.stop()).isZero();
    }
    assertThat(data.resolve("admin-token")).exists();
  }

  @Test
  void saysWhichPortToTryWhenItsPortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      CliRun run =
          CliRun.run(
              Map.of(),
              dir,
              "demo",
              "--set",
              "host=127.0.0.1",
              "--port",
              Integer.toString(port),
              "--bots",
              "0");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .contains("port " + port + " is in use; run `cairn demo --port " + (port + 1) + "`");
    }
  }

  @Test
  void helpListsItsOptionsButNotTheTestingOne() {
    CliRun run = CliRun.run(Map.of(), dir, "demo", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--port", "--data", "--bots", "--quiet", "--config");
    assertThat(run.out()).doesNotContain("--bot-speedup");
  }

  @Test
  void refusesANegativeNumberOfBots() {
    CliRun run = CliRun.run(Map.of(), dir, "demo", "--bots", "-1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bots must be between 0 and");
  }

  @Test
  void printsAConnectableAddressForTheWildcardHosts() {
    assertThat(DemoCommand.connectableHost("0.0.0.0")).isEqualTo("localhost");
    assertThat(DemoCommand.connectableHost("::")).isEqualTo("localhost");
    assertThat(DemoCommand.connectableHost("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(DemoCommand.connectableHost("::1")).isEqualTo("[::1]");
    assertThat(DemoCommand.connectableHost("cairn.example")).isEqualTo("cairn.example");
  }

  @Test
  void progressLinesCountTimeInMinutesThenHours() {
    assertThat(DemoProgress.elapsed(9)).isEqualTo("0m09s");
    assertThat(DemoProgress.elapsed(250)).isEqualTo("4m10s");
    assertThat(DemoProgress.elapsed(7_625)).isEqualTo("2h07m");
    assertThat(DemoProgress.plural(1, "claim")).isEqualTo("1 claim");
    assertThat(DemoProgress.plural(0, "claim")).isEqualTo("0 claims");
  }
}
