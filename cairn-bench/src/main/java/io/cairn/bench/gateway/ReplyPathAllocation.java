package io.cairn.bench.gateway;

import com.sun.management.ThreadMXBean;
import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
import io.cairn.server.CairnServer;
import io.cairn.server.Gateway;
import io.cairn.server.GatewayLimits;
import io.cairn.server.http.ServerMetrics;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Bytes allocated per request end to end in the server process: a real engine, gateway and Netty
 * server on loopback, players over plain sockets sending a mix of ping, move, scan, wrong guess and
 * board, each waiting for its reply. Reads {@code ThreadMXBean.getThreadAllocatedBytes} of the
 * server's own threads only (event loops {@code cairn-io-*}, the acceptor, the shard threads {@code
 * cairn-shard-*}, which also run the egress) before and after the measured requests.
 *
 * <p>Usage: {@code java -cp cairn-bench/target/benchmarks.jar
 * io.cairn.bench.gateway.ReplyPathAllocation [requests] [players]} (defaults 200000 and 4). The
 * journal's fsync is off (the disk is not what is measured) and the per-connection rate limit is
 * lifted so the players are not refused.
 */
public final class ReplyPathAllocation {
  private static final String HUNT =
      """
      id: alloc
      title: Allocation
      scan-radius-m: 500
      max-players: 1000
      limits:
        guesses-per-minute: 1000000
        max-speed-mps: 1000
        move-tolerance-m: 5000
      puzzles:
        - id: lighthouse
          title: Light the way
          text: What kind of lens?
          points: 100
          answers: [fresnel]
      treasures:
        - id: old-anchor
          name: The Old Anchor
          lat: 59.3251
          lon: 18.0711
          radius-m: 25
          points: 200
        - id: boathouse
          name: The Boathouse
          lat: 59.3260
          lon: 18.0725
          radius-m: 40
          points: 100
      """;

  private static final String[] OPS = {
    "{\"id\":%d,\"op\":\"ping\"}",
    "{\"id\":%d,\"op\":\"move\",\"lat\":59.3252,\"lon\":18.0712}",
    "{\"id\":%d,\"op\":\"scan\"}",
    "{\"id\":%d,\"op\":\"guess\",\"puzzle\":\"lighthouse\",\"answer\":\"candle\"}",
    "{\"id\":%d,\"op\":\"board\",\"limit\":10}",
  };

  private ReplyPathAllocation() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int players = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path dir = Files.createTempDirectory("cairn-alloc");
    try {
      Result r = run(dir, requests, players, Math.max(20_000, requests / players));
      System.out.printf(
          "%d requests from %d players: %,d bytes allocated by %d server threads = %.1f B/request%n",
          r.requests, players, r.bytes, r.threads, (double) r.bytes / r.requests);
      r.perThread.forEach((name, bytes) -> System.out.printf("  %-28s %,14d B%n", name, bytes));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(ReplyPathAllocation::deleteQuietly);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      System.err.println("cannot delete " + file + ": " + e.getMessage());
    }
  }

  /** What one run measured. */
  record Result(long requests, long bytes, int threads, Map<String, Long> perThread) {
    double bytesPerRequest() {
      return (double) bytes / requests;
    }
  }

  /**
   * Runs a server on {@code data}, lets {@code players} players send {@code warmupPerPlayer}
   * requests each unmeasured, then {@code requests} in all measured.
   */
  static Result run(Path data, int requests, int players, int warmupPerPlayer) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("host", "127.0.0.1");
    flags.put("data-dir", data.toString());
    flags.put("fsync", "never");
    flags.put("requests-per-second", "1000000");
    ServerSettings settings = ServerSettings.load(Optional.empty(), Map.of(), flags);
    ServerMetrics metrics = new ServerMetrics();
    Gateway gateway = new Gateway(new LocalClient(), metrics);
    Engine engine = Engine.start(EngineConfig.from(settings), gateway, System::currentTimeMillis);
    gateway.attach(engine);
    metrics.bind(engine);
    CairnServer server =
        CairnServer.start(
            settings.host(), settings.port(), gateway, List.of(), GatewayLimits.from(settings));
    try {
      LocalClient.Session organiser = gateway.localClient().open();
      organiser.loadHunt("alloc", "alloc.hunt.yaml", HUNT).get(10, TimeUnit.SECONDS);
      organiser.lifecycle("alloc", Op.START).get(10, TimeUnit.SECONDS);
      return measure(server.port(), requests, players, warmupPerPlayer);
    } finally {
      server.stopAccepting();
      engine.close();
      server.close();
    }
  }

  private static Result measure(int port, int requests, int players, int warmupPerPlayer)
      throws Exception {
    int perPlayer = requests / players;
    int warmup = warmupPerPlayer / OPS.length * OPS.length;
    CyclicBarrier phase = new CyclicBarrier(players + 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < players; p++) {
      int player = p;
      threads.add(
          Thread.ofPlatform()
              .name("alloc-client-" + p)
              .start(
                  () -> {
                    try (LoopbackPlayer client = new LoopbackPlayer(port)) {
                      String joined =
                          client.call(
                              ("{\"id\":0,\"op\":\"join\",\"hunt\":\"alloc\",\"name\":\"p"
                                      + player
                                      + "\"}")
                                  .getBytes(StandardCharsets.UTF_8));
                      if (!joined.contains("\"ok\":true")) {
                        throw new IllegalStateException("join refused: " + joined);
                      }
                      play(client, 1, warmup);
                      phase.await();
                      phase.await();
                      play(client, warmup + 1, perPlayer);
                      phase.await();
                    } catch (Throwable t) {
                      failure.set(t);
                      phase.reset();
                    }
                  }));
    }
    phase.await(5, TimeUnit.MINUTES);
    ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, String> server = serverThreads();
    long[] ids = server.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] before = mx.getThreadAllocatedBytes(ids);
    phase.await();
    phase.await(10, TimeUnit.MINUTES);
    long[] after = mx.getThreadAllocatedBytes(ids);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a player failed", failure.get());
    }
    long total = 0;
    Map<String, Long> perThread = new java.util.TreeMap<>();
    for (int i = 0; i < ids.length; i++) {
      long delta = after[i] - before[i];
      total += delta;
      perThread.put(server.get(ids[i]), delta);
    }
    return new Result((long) perPlayer * players, total, ids.length, perThread);
  }

  private static void play(LoopbackPlayer client, int firstId, int count) throws Exception {
    byte[][] encoded = new byte[OPS.length][];
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      String request = OPS[i % OPS.length].formatted(id);
      encoded[i % OPS.length] = request.getBytes(StandardCharsets.UTF_8);
      String reply = client.call(encoded[i % OPS.length]);
      if (!reply.startsWith("{\"re\":" + id + ",")) {
        throw new IllegalStateException("reply to " + id + " expected, got " + reply);
      }
      if (reply.contains("\"ok\":false") && !reply.contains("RATE_LIMITED")) {
        throw new IllegalStateException("request " + request + " failed: " + reply);
      }
    }
  }

  /** The server's threads by id: event loops, acceptor and shard threads. */
  private static Map<Long, String> serverThreads() {
    Map<Long, String> found = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (name.startsWith(CairnServer.IO_THREAD_PREFIX)
          || name.startsWith("cairn-accept")
          || name.startsWith("cairn-shard-")) {
        found.put(t.threadId(), name);
      }
    }
    return found;
  }
}
