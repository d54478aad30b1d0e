package io.cairn.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A well-behaved player that plays beside a misbehaving client: scores (journaled, acknowledged
 * changes), then keeps asking ping, state and board at a polite pace and checks every reply. The
 * bad-input tests assert that it never saw a wrong or missing reply and that its acknowledged score
 * survives a restart.
 */
final class Witness implements AutoCloseable {
  /** Think time between requests: well under the per-connection request rate of the tests. */
  private static final long PACE_MS = 100;

  private static final String ANCHOR = ",\"lat\":59.3251,\"lon\":18.0711";

  private final WsClient client;
  private final String name;
  private final Thread thread;
  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stop;
  private volatile String token;
  private volatile int score;

  private Witness(WsClient client, String name) {
    this.client = client;
    this.name = name;
    this.thread = Thread.ofPlatform().name("witness-" + name).unstarted(this::run);
  }

  /** Connects, joins, scores, and starts checking in the background. */
  static Witness start(TestServer server, String name) throws Exception {
    Witness witness = new Witness(server.connect(), name);
    witness.play();
    witness.thread.start();
    return witness;
  }

  private void play() throws Exception {
    JsonNode joined =
        expectOk(
            client.call(
                "join",
                ",\"hunt\":\"harbor-run\",\"name\":\"" + name + "\",\"team\":\"" + name + "\""));
    token = joined.get("token").asText();
    expectOk(client.call("move", ANCHOR));
    JsonNode right =
        expectOk(client.call("guess", ",\"puzzle\":\"lighthouse\",\"answer\":\"fresnel\""));
    check(right.get("correct").asBoolean(), right);
    JsonNode claim =
        expectOk(client.call("claim", ",\"treasure\":\"old-anchor\",\"code\":\"ANCHOR-7731\""));
    score = claim.get("score").asInt();
    check(score >= 300, claim);
  }

  private void run() {
    try {
      while (!stop) {
        expectOk(client.call("ping"));
        JsonNode state = expectOk(client.call("state"));
        check(state.get("hunt").get("score").asInt() == score, state);
        JsonNode board = expectOk(client.call("board", ",\"limit\":3"));
        check(board.get("you").get("score").asInt() == score, board);
        rounds.incrementAndGet();
        Thread.sleep(PACE_MS);
      }
    } catch (Throwable t) {
      failure.set(t);
    }
  }

  private static JsonNode expectOk(JsonNode reply) {
    check(reply.get("ok").asBoolean(), reply);
    return reply;
  }

  private static void check(boolean condition, JsonNode reply) {
    if (!condition) {
      throw new AssertionError("unexpected reply " + reply);
    }
  }

  /** Waits until the witness completed {@code more} further rounds, failing on its first error. */
  void awaitRounds(int more) throws InterruptedException {
    int target = rounds.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (rounds.get() < target && failure.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertHealthy();
    if (rounds.get() < target) {
      throw new AssertionError(name + " completed no round within 30 s");
    }
  }

  void assertHealthy() {
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError(name + " was not served correctly", t);
    }
  }

  int rounds() {
    return rounds.get();
  }

  String token() {
    return token;
  }

  /** The score the server acknowledged to this player. */
  int score() {
    return score;
  }

  /** Checks that a restarted server gives this player back, with its acknowledged score. */
  void assertRecoveredBy(TestServer restarted) throws Exception {
    try (WsClient again = restarted.connect()) {
      JsonNode resumed = again.call("join", ",\"token\":\"" + token + "\"");
      check(resumed.get("ok").asBoolean(), resumed);
      JsonNode state = again.call("state");
      if (state.get("hunt").get("score").asInt() != score) {
        throw new AssertionError(name + " had score " + score + " acknowledged, got " + state);
      }
    }
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping " + name, e);
    }
    client.close();
    assertHealthy();
  }
}
