package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A player over the JDK's WebSocket client: replies and pushes parsed with Jackson. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private long nextId = 1;

  static WsClient connect(String url) throws Exception {
    WsClient client = new WsClient();
    client.socket =
        HTTP.newWebSocketBuilder().buildAsync(URI.create(url), client).get(5, TimeUnit.SECONDS);
    return client;
  }

  /** Sends {@code {"id":N,"op":op<rest>}} and waits for its reply. */
  JsonNode call(String op, String rest) throws Exception {
    long id = nextId++;
    send("{\"id\":" + id + ",\"op\":\"" + op + "\"" + rest + "}");
    JsonNode reply = reply();
    if (reply.get("re").asLong() != id) {
      throw new AssertionError("reply to " + id + " expected, got " + reply);
    }
    return reply;
  }

  JsonNode call(String op) throws Exception {
    return call(op, "");
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
  }

  JsonNode reply() throws InterruptedException {
    JsonNode reply = replies.poll(5, TimeUnit.SECONDS);
    if (reply == null) {
      throw new AssertionError("no reply within 5 s");
    }
    return reply;
  }

  /** The next push event with this name, skipping others (board pushes arrive on their own). */
  JsonNode event(String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.get("ev").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no " + name + " event within 5 s");
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode node = JSON.readTree(partial.toString());
        (node.has("ev") ? events : replies).add(node);
      } catch (Exception e) {
        throw new AssertionError("server sent invalid JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
