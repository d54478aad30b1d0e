package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.app.sim.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn serve} as an operator runs it: in its own JVM, stopped with a real SIGTERM ({@link
 * Process#destroy()} sends SIGTERM on Linux), restarted on the same data folder.
 */
class ServeProcessTest {
  private static final String ADMIN_TOKEN = "serve-process-test-token";
  private static final Pattern LISTENING =
      Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) \\((epoll|nio)\\): open http://127");
  private static final String HUNT =
      """
      id: tiny
      title: Tiny
      puzzles:
        - id: one
          title: One
          text: Say one.
          points: 10
          answers: [one]
      treasures:
        - id: stone
          name: Stone
          lat: 59.0
          lon: 18.0
          radius-m: 25
          points: 30
      """;

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void killLeftovers() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  /** A child JVM running {@code cairn serve}, its stderr going to {@code log}. */
  private Process serve(Path log, String port) throws IOException {
    Path hunts = dir.resolve("hunts");
    Files.createDirectories(hunts);
    Files.writeString(hunts.resolve("tiny.hunt.yaml"), HUNT);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-XX:+UseZGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Cairn.class.getName(),
                "serve",
                "--port",
                port,
                "--data",
                dir.resolve("data").toString(),
                "--hunts",
                hunts.toString(),
                "--set",
                "host=127.0.0.1",
                "--set",
                "admin-token=" + ADMIN_TOKEN)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(process);
    return process;
  }

  /** Waits for the listening line and returns the port it names. */
  private static int awaitListening(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("cairn serve exited " + process.exitValue() + ":\n" + text);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no listening line within 60 s:\n" + Files.readString(log));
  }

  private static int terminate(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    return process.exitValue();
  }

  @Test
  void drainsOnSigtermExitsZeroAndKeepsEveryAcknowledgedChange() throws Exception {
    Path firstLog = dir.resolve("first.log");
    Process first = serve(firstLog, "0");
    int port = awaitListening(first, firstLog);
    HttpResponse<String> start =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/admin/hunts/tiny/start"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);

    String token;
    double acknowledgedScore;
    int lastId;
    try (Player ada = Player.connect(port)) {
      token = ada.call("join", ",\"hunt\":\"tiny\",\"name\":\"Ada\"").string("token");
      assertThat(ada.call("guess", ",\"puzzle\":\"one\",\"answer\":\"one\"").bool("correct"))
          .isTrue();
      assertThat(ada.call("move", ",\"lat\":59.0,\"lon\":18.0").ok()).isTrue();
      acknowledgedScore = ada.call("claim", ",\"treasure\":\"stone\"").number("score", -1);
      assertThat(acknowledgedScore).isEqualTo(40.0);
      // Pipelined requests still queued when the signal comes are answered before the exit.
      for (int i = 0; i < 20; i++) {
        ada.send("ping");
      }
      lastId = ada.lastId();
      assertThat(terminate(first)).isZero();
      // Whatever was answered before the connections closed came in order, with none skipped.
      int expected = lastId - 19;
      for (Reply reply = ada.reply(); reply != null; reply = ada.reply()) {
        assertThat((int) reply.number("re", -1)).isEqualTo(expected++);
      }
      assertThat(expected).isLessThanOrEqualTo(lastId + 1);
    }
    String log = Files.readString(firstLog, StandardCharsets.UTF_8);
    assertThat(log)
        .contains("draining: no new connections")
        .contains("engine stopped: queued commands answered, journals flushed")
        .containsPattern("(?m)^stopped$");

    Path secondLog = dir.resolve("second.log");
    Process second = serve(secondLog, "0");
    int again = awaitListening(second, secondLog);
    assertThat(Files.readString(secondLog))
        .containsPattern("shard \\d+: recovered [1-9]\\d* records");
    try (Player ada = Player.connect(again)) {
      Reply resumed = ada.call("join", ",\"token\":\"" + token + "\"");
      assertThat(resumed.ok()).as(resumed.toString()).isTrue();
      Reply state = ada.call("state", "");
      assertThat(state.object("hunt").string("status")).isEqualTo("running");
      assertThat(state.object("hunt").number("score", -1)).isEqualTo(acknowledgedScore);
      assertThat(state.object("hunt").objects("puzzles").get(0).bool("solved")).isTrue();
    }
    assertThat(terminate(second)).isZero();
  }

  @Test
  void aPortInUseExitsNonZeroSayingWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Path log = dir.resolve("in-use.log");
      Process process = serve(log, Integer.toString(taken.getLocalPort()));
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isNotZero();
      assertThat(Files.readString(log))
          .contains("port " + taken.getLocalPort())
          .contains("already in use")
          .contains("--port");
    }
  }

  /** A player over the JDK WebSocket client that waits for each reply. */
  private static final class Player implements AutoCloseable {
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private int nextId = 1;

    private Player(int port) throws Exception {
      this.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/ws"),
                  new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      partial.append(data);
                      if (last) {
                        Reply node = Reply.parse(partial.toString());
                        if (node.event().isEmpty()) {
                          replies.add(node);
                        }
                        partial.setLength(0);
                      }
                      webSocket.request(1);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
    }

    static Player connect(int port) throws Exception {
      return new Player(port);
    }

    void send(String op, String rest) throws Exception {
      socket
          .sendText("{\"id\":" + nextId++ + ",\"op\":\"" + op + "\"" + rest + "}", true)
          .get(10, TimeUnit.SECONDS);
    }

    void send(String op) throws Exception {
      send(op, "");
    }

    int lastId() {
      return nextId - 1;
    }

    Reply reply() throws InterruptedException {
      return replies.poll(10, TimeUnit.SECONDS);
    }

    Reply call(String op, String rest) throws Exception {
      send(op, rest);
      Reply reply = reply();
      if (reply == null || (int) reply.number("re", -1) != lastId()) {
        throw new AssertionError("no reply to " + lastId() + ": " + reply);
      }
      return reply;
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
