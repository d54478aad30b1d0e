package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
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

class EchoCommandTest {
  @TempDir Path dir;

  @Test
  void answersEachTextFrameWithItselfAndOtherPathsWithEcho() throws Exception {
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            Map.of(),
            dir,
            InstantSource.system());
    CommandLine cl = Cairn.commandLine(context);
    EchoCommand echo = cl.getSubcommands().get("echo").getCommand();
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread =
        new Thread(() -> code.set(cl.execute("echo", "--port", "0", "--set", "host=127.0.0.1")));
    thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (echo.port() < 0 && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(echo.port()).as(err.toString()).isPositive();

    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + echo.port() + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    frames.add(data.toString());
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(5, TimeUnit.SECONDS);
    ws.sendText("{\"id\":7,\"op\":\"scan\"}", true).get(5, TimeUnit.SECONDS);
    ws.sendText("Grüße, 東京", true).get(5, TimeUnit.SECONDS);
    assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"id\":7,\"op\":\"scan\"}");
    assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("Grüße, 東京");
    ws.abort();

    HttpResponse<String> other =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + echo.port() + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).isEqualTo("echo\n");

    echo.stop();
    thread.join(20_000);
    assertThat(code.get()).isZero();
    assertThat(err.toString()).contains("echo listening on 127.0.0.1:" + echo.port());
  }
}
