package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
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
          points: 10
      """;

  @TempDir Path dir;

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The next reply, past any push event (a board push may come between two replies). */
  private static String nextReply(BlockingQueue<String> frames) throws InterruptedException {
    String frame;
    do {
      frame = frames.poll(5, TimeUnit.SECONDS);
    } while (frame != null && frame.startsWith("{\"ev\""));
    return frame;
  }

  @Test
  void servesHuntsFromTheHuntsDirectoryAndDrainsOnStop() throws Exception {
    Path hunts = Files.createDirectories(dir.resolve("hunts"));
    Files.writeString(hunts.resolve("tiny.hunt.yaml"), HUNT);
    Files.writeString(hunts.resolve("broken.hunt.yaml"), "id: broken\ntitle: [\n");
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            Map.of(),
            dir,
            InstantSource.system());
    CommandLine cl = Cairn.commandLine(context);
    ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread =
        new Thread(
            () ->
                code.set(
                    cl.execute(
                        "serve",
                        "--port",
                        "0",
                        "--set",
                        "host=127.0.0.1",
                        "--data",
                        dir.resolve("data").toString(),
                        "--hunts",
                        hunts.toString())));
    thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (serve.port() < 0 && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.port()).as(err.toString()).isPositive();

    BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + serve.port() + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    replies.add(data.toString());
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);
    ws.sendText("{\"id\":1,\"op\":\"join\",\"hunt\":\"tiny\",\"name\":\"Ada\"}", true);
    assertThat(nextReply(replies)).startsWith("{\"re\":1,\"ok\":true");
    ws.sendText("{\"id\":2,\"op\":\"guess\",\"puzzle\":\"p\",\"answer\":\"x\"}", true);
    assertThat(nextReply(replies)).contains("HUNT_NOT_RUNNING");

    HttpClient http = HttpClient.newHttpClient();
    assertThat(get(http, serve.port(), "/healthz").statusCode()).isEqualTo(200);
    assertThat(get(http, serve.port(), "/readyz").statusCode()).isEqualTo(200);
    assertThat(get(http, serve.port(), "/api/hunts").body()).contains("\"id\":\"tiny\"");
    String metrics = get(http, serve.port(), "/metrics").body();
    assertThat(metrics)
        .containsPattern("cairn_requests_total\\{[^}]*op=\"join\"[^}]*} 1\\.0")
        .containsPattern("cairn_request_latency_seconds_count\\{[^}]*op=\"join\"[^}]*} 1")
        .containsPattern(
            "cairn_request_errors_total\\{[^}]*code=\"HUNT_NOT_RUNNING\"[^}]*op=\"guess\"[^}]*} 1\\.0")
        .containsPattern("cairn_connections_active(\\{[^}]*})? [1-9]");
    ws.abort();

    serve.stop();
    thread.join(20_000);
    assertThat(code.get()).isZero();
    String log = err.toString();
    assertThat(log).contains("shard 0: recovered 0 records in");
    assertThat(log).contains("1 loaded, 0 reloaded, 0 unchanged, 1 failed");
    assertThat(log).contains("broken.hunt.yaml");
    assertThat(log).contains("listening on 127.0.0.1:" + serve.port());
    assertThat(log).contains("journals flushed");
  }
}
