package io.cairn.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A third-party player client, written from the protocol contract alone: the JDK's WebSocket and a
 * general JSON library, nothing of Cairn's. Replies are matched to requests by {@code re}; push
 * events are kept in arrival order.
 */
final class PlayerSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_S = 30;

  private final WebSocket socket;
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private final List<JsonNode> events = new ArrayList<>();
  private long nextId = 1;

  private PlayerSocket(WebSocket socket) {
    this.socket = socket;
  }

  static PlayerSocket connect(String url) throws Exception {
    PlayerSocket[] self = new PlayerSocket[1];
    BlockingQueue<JsonNode> early = new LinkedBlockingQueue<>();
    StringBuilder partial = new StringBuilder();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(url),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      try {
                        early.add(JSON.readTree(partial.toString()));
                      } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + partial, e);
                      }
                      partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(WAIT_S, TimeUnit.SECONDS);
    self[0] = new PlayerSocket(ws);
    Thread.ofVirtual().start(() -> self[0].sort(early));
    return self[0];
  }

  private void sort(BlockingQueue<JsonNode> frames) {
    try {
      while (true) {
        JsonNode frame = frames.take();
        if (frame.has("ev")) {
          synchronized (events) {
            events.add(frame);
            events.notifyAll();
          }
        } else {
          replies.add(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends {@code op} with the given arguments (name, value pairs) and returns its reply. */
  JsonNode call(String op, Object... arguments) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    long id = nextId++;
    request.put("id", id).put("op", op);
    for (int i = 0; i < arguments.length; i += 2) {
      request.set((String) arguments[i], JSON.valueToTree(arguments[i + 1]));
    }
    socket.sendText(JSON.writeValueAsString(request), true).get(WAIT_S, TimeUnit.SECONDS);
    JsonNode reply = replies.poll(WAIT_S, TimeUnit.SECONDS);
    if (reply == null) {
      throw new AssertionError("no reply to " + request + " within " + WAIT_S + " s");
    }
    if (reply.path("re").asLong(-1) != id) {
      throw new AssertionError("reply " + reply + " out of order for " + request);
    }
    return reply;
  }

  /** Waits (up to {@code timeoutS}) for a push event that {@code matches}; null if none came. */
  JsonNode awaitEvent(Predicate<JsonNode> matches, long timeoutS) throws InterruptedException {
    long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
    synchronized (events) {
      int seen = 0;
      while (true) {
        for (; seen < events.size(); seen++) {
          if (matches.test(events.get(seen))) {
            return events.get(seen);
          }
        }
        long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
        if (leftMs <= 0) {
          return null;
        }
        events.wait(leftMs);
      }
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
