package io.cairn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.engine.command.Op;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The child process of {@link KillRecoveryTest}: plays the kill-test hunt flat out from several
 * threads and prints one line per change the engine acknowledged, only after the reply came back
 * (so after it was made durable). The parent kills it with SIGKILL at a random moment.
 */
public final class KillTestWorker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long RUN_LIMIT_MS = 60_000;

  private KillTestWorker() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int round = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    LocalClient client = new LocalClient();
    Engine engine = Engine.start(KillRecoveryTest.config(data), client, new SystemEpochClock());
    client.attach(engine);
    LocalClient.Session admin = client.open();
    if (engine.directory().find(KillTestHunt.ID).isEmpty()) {
      expectOk(admin.loadHunt(KillTestHunt.ID, "kill-test.hunt.yaml", KillTestHunt.yaml()).get());
      expectOk(admin.lifecycle(KillTestHunt.ID, Op.START).get());
    }
    out.println("READY");
    Thread[] players = new Thread[4];
    long deadlineMs = System.currentTimeMillis() + RUN_LIMIT_MS;
    for (int w = 0; w < players.length; w++) {
      int worker = w;
      players[w] =
          Thread.ofPlatform()
              .start(() -> play(client, out, round, worker, deadlineMs, new SplittableRandom()));
    }
    for (Thread t : players) {
      t.join();
    }
    engine.close();
  }

  private static void play(
      LocalClient client,
      PrintStream out,
      int round,
      int worker,
      long deadlineMs,
      SplittableRandom random) {
    try {
      for (int i = 0; System.currentTimeMillis() < deadlineMs; i++) {
        LocalClient.Session s = client.open();
        JsonNode joined =
            expectOk(s.join(KillTestHunt.ID, "r" + round + "w" + worker + "n" + i, "").get());
        String token = joined.get("token").asText();
        out.println("JOIN " + token);
        for (int k = 0; k < 3; k++) {
          int p = random.nextInt(KillTestHunt.PUZZLES);
          JsonNode guess = parse(s.guess("p" + p, "Answer " + p).get(5, TimeUnit.SECONDS));
          if (guess.path("ok").asBoolean() && guess.path("correct").asBoolean()) {
            out.println("SOLVED " + token + " p" + p);
          }
          int t = random.nextInt(KillTestHunt.TREASURES);
          expectOk(s.move(KillTestHunt.lat(t), KillTestHunt.lon(t)).get(5, TimeUnit.SECONDS));
          JsonNode claim = parse(s.claim("t" + t, "").get(5, TimeUnit.SECONDS));
          if (claim.path("ok").asBoolean()) {
            out.println("CLAIMED " + token + " t" + t);
          }
          if (random.nextInt(4) == 0) {
            JsonNode hint = parse(s.hint("p" + p).get(5, TimeUnit.SECONDS));
            if (hint.path("ok").asBoolean()) {
              out.println("HINT " + token + " p" + p);
            }
          }
        }
      }
    } catch (Exception e) {
      out.println("ERROR " + e);
    }
  }

  static JsonNode parse(String json) throws Exception {
    return JSON.readTree(json);
  }

  static JsonNode expectOk(String json) throws Exception {
    JsonNode node = parse(json);
    if (!node.path("ok").asBoolean()) {
      throw new IllegalStateException("engine refused: " + json);
    }
    return node;
  }
}
