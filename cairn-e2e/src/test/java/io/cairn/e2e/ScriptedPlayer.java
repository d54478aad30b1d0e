package io.cairn.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A player that is not a browser: speaks the public protocol over the JDK's WebSocket client, for
 * tests where the browser under test is someone else's page (the organiser dashboard). Every call
 * waits for its reply and fails the test when it does not come.
 */
final class ScriptedPlayer implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_S = 15;

  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private long nextId = 1;

  static ScriptedPlayer connect(String baseUrl) throws Exception {
    ScriptedPlayer player = new ScriptedPlayer();
    player.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws"), player)
            .get(WAIT_S, TimeUnit.SECONDS);
    return player;
  }

  /** Sends {@code op} with {@code args} (an object's fields) and answers its reply. */
  JsonNode call(String op, ObjectNode args) throws Exception {
    long id = nextId++;
    ObjectNode request = JSON.createObjectNode().put("id", id).put("op", op);
    request.setAll(args);
    socket.sendText(JSON.writeValueAsString(request), true).get(WAIT_S, TimeUnit.SECONDS);
    JsonNode reply = replies.poll(WAIT_S, TimeUnit.SECONDS);
    if (reply == null || reply.path("re").asLong() != id) {
      throw new AssertionError("no reply to " + request + " (got " + reply + ")");
    }
    return reply;
  }

  /** As {@link #call} and fails unless the reply is ok. */
  JsonNode ok(String op, ObjectNode args) throws Exception {
    JsonNode reply = call(op, args);
    if (!reply.path("ok").asBoolean()) {
      throw new AssertionError(op + " failed: " + reply);
    }
    return reply;
  }

  static ObjectNode args() {
    return JSON.createObjectNode();
  }

  /** The next push event named {@code name}, skipping others. */
  JsonNode event(String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadline) {
      JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.path("ev").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no " + name + " event within " + WAIT_S + " s");
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode message = JSON.readTree(partial.toString());
        (message.has("re") ? replies : events).add(message);
      } catch (Exception e) {
        throw new IllegalStateException("unreadable message " + partial, e);
      } finally {
        partial.setLength(0);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS);
    }
  }
}
