package io.cairn.app;

import io.cairn.app.sim.Reply;
import io.cairn.app.sim.Simulation;
import io.cairn.app.sim.SimulationStats;
import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
import io.cairn.engine.journal.JournalMetrics;
import io.cairn.veltrix.Durations;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code cairn simulate}: the real engine (journal, fsync, shards) with simulated players playing a
 * hunt for a while, so an operator sees the whole server work, and how fast, without a network or a
 * phone. Progress goes to stderr once a second; the summary (throughput, latency, fsyncs, the
 * leaderboard) to stdout at the end.
 */
@Command(
    name = "simulate",
    description = {
      "Run the engine in-process with simulated players playing a hunt, then print throughput,"
          + " reply latency, journal fsyncs and the leaderboard.",
      "Uses a temporary data directory (deleted at the end) unless --data is given."
    })
final class SimulateCommand implements Callable<Integer> {
  /** Played when no hunt file is given, relative to the working directory. */
  static final String DEFAULT_HUNT = "examples/old-town.hunt.yaml";

  static final int MAX_BOTS = 100_000;

  /** How long organiser commands and the end of the run may take before giving up. */
  private static final long ENGINE_TIMEOUT_MS = 10_000;

  private static final long PROGRESS_INTERVAL_NS = 1_000_000_000L;

  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "HUNT_FILE",
      description = "hunt file to play (default: " + DEFAULT_HUNT + ")")
  Optional<Path> huntFile = Optional.empty();

  @Option(
      names = "--bots",
      paramLabel = "N",
      defaultValue = "50",
      description = "simulated players (default: ${DEFAULT-VALUE})")
  int bots;

  @Option(
      names = "--duration",
      paramLabel = "D",
      defaultValue = "30s",
      converter = DurationMs.class,
      description = "how long the bots play, such as 30s, 5m or 1h30m (default: 30s)")
  long durationMs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "fixes the players and their choices (default: random, printed)")
  Optional<Long> seed = Optional.empty();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data directory to use and keep (default: a temporary one, deleted at the end)")
  Optional<Path> data = Optional.empty();

  private final CliContext context;

  /** Counted down once the run is over and cleaned up, for {@link #onShutdown}. */
  private final CountDownLatch finished = new CountDownLatch(1);

  private volatile Simulation running;
  private volatile boolean shutdown;

  SimulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (bots < 1 || bots > MAX_BOTS) {
      throw new ParameterException(
          spec.commandLine(), "--bots must be between 1 and " + MAX_BOTS + ", not " + bots);
    }
    PrintWriter err = context.err();
    ServerSettings settings;
    HuntSnapshot hunt;
    Path file = huntFile.orElseGet(() -> context.workingDir().resolve(DEFAULT_HUNT));
    try {
      settings = parent.global.then(options).load(context);
      hunt = HuntFiles.read(file);
    } catch (VeltrixException e) {
      Problems.print(err, e);
      return 1;
    }
    long nowMs = context.clock().millis();
    if (hunt.endsAtMs() != HuntSnapshot.NO_TIME && nowMs >= hunt.endsAtMs()) {
      err.println(endedMessage(file, hunt, nowMs));
      return 1;
    }
    long runSeed = seed.orElseGet(() -> ThreadLocalRandom.current().nextLong(1L << 48));
    Path dataDir;
    boolean temporary = data.isEmpty();
    try {
      dataDir = temporary ? Files.createTempDirectory("cairn-simulate-") : data.get();
    } catch (IOException e) {
      err.println("cannot create a temporary data directory: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(this::onShutdown, "cairn-simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run(settings, file, hunt, runSeed, dataDir, temporary);
    } finally {
      if (temporary) {
        deleteTree(dataDir, err);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down (Ctrl-C): the hook waits for this run to finish.
      }
      finished.countDown();
    }
  }

  /**
   * Ctrl-C or a TERM signal: the bots stop at once, and the JVM waits (a bounded time) for the
   * summary, the engine's close and the temporary directory's removal.
   */
  private void onShutdown() {
    shutdown = true;
    Simulation simulation = running;
    if (simulation != null) {
      simulation.stop();
    }
    try {
      finished.await(3 * ENGINE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int run(
      ServerSettings settings,
      Path file,
      HuntSnapshot hunt,
      long runSeed,
      Path dataDir,
      boolean temporary)
      throws InterruptedException {
    PrintWriter err = context.err();
    EngineConfig config = EngineConfig.from(settings).withDataDir(dataDir);
    EpochClock clock = context.clock()::millis;
    LocalClient client = new LocalClient();
    Engine engine;
    try {
      engine = Engine.start(config, client, clock);
    } catch (RuntimeException e) {
      err.println("cannot start the engine on " + dataDir + ": " + e.getMessage());
      return 1;
    }
    err.println(
        "simulating "
            + plural(bots, "bot")
            + " on "
            + hunt.id()
            + " ("
            + file
            + ") for "
            + Durations.format(durationMs)
            + ", seed "
            + runSeed
            + "; data "
            + dataDir
            + (temporary ? " (temporary)" : "")
            + ", "
            + plural(engine.shardCount(), "shard")
            + ", fsync "
            + config.fsync().name().toLowerCase(Locale.ROOT));
    err.flush();
    Simulation simulation;
    long elapsedNs;
    Optional<Reply> board;
    try {
      client.attach(engine);
      int started = startHunt(client, file, hunt, dataDir);
      if (started != 0) {
        return started;
      }
      simulation = new Simulation(hunt, bots, runSeed, client::open, clock);
      running = simulation;
      if (shutdown) {
        simulation.stop();
      }
      long startNs = System.nanoTime();
      simulation.start(durationMs * 1_000_000L);
      report(simulation, startNs, startNs + durationMs * 1_000_000L);
      simulation.stop();
      if (!simulation.awaitEnd(ENGINE_TIMEOUT_MS)) {
        err.println("some bots did not stop within " + Durations.format(ENGINE_TIMEOUT_MS));
      }
      elapsedNs = System.nanoTime() - startNs;
      board = simulation.board(10);
    } finally {
      engine.close();
    }
    summary(file, hunt, runSeed, engine, config, simulation.stats(), elapsedNs, board);
    return 0;
  }

  /** Loads the hunt and starts it as an organiser would; non-zero when it cannot be played. */
  private int startHunt(LocalClient client, Path file, HuntSnapshot hunt, Path dataDir)
      throws InterruptedException {
    PrintWriter err = context.err();
    LocalClient.Session organiser = client.open();
    Reply loaded = await(organiser.loadHunt(hunt.id(), hunt.sourceName(), hunt.sourceText()));
    if (loaded == null) {
      return 1;
    }
    if (!loaded.ok()) {
      if (!loaded.errorCode().equals("HUNT_EXISTS")) {
        err.println(file + ": cannot load the hunt: " + describe(loaded));
        return 1;
      }
      err.println(
          "hunt " + hunt.id() + " is already in " + dataDir + " from an earlier run: playing it");
    }
    Reply started = await(organiser.lifecycle(hunt.id(), Op.START));
    if (started == null) {
      return 1;
    }
    if (started.ok()) {
      return 0;
    }
    String status = started.string("status");
    if (started.errorCode().equals("INVALID_TRANSITION") && status.equals("running")) {
      return 0;
    }
    if (started.errorCode().equals("INVALID_TRANSITION") && status.equals("paused")) {
      Reply resumed = await(organiser.lifecycle(hunt.id(), Op.RESUME));
      return resumed != null && resumed.ok() ? 0 : 1;
    }
    if (status.equals("ended")) {
      err.println(
          "hunt "
              + hunt.id()
              + " has already ended in "
              + dataDir
              + ": there is nothing to play. Use another --data directory, or none.");
      return 1;
    }
    err.println("cannot start hunt " + hunt.id() + ": " + describe(started));
    return 1;
  }

  private Reply await(CompletableFuture<String> reply) throws InterruptedException {
    try {
      return Reply.parse(reply.get(ENGINE_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      context
          .err()
          .println("the engine did not answer within " + Durations.format(ENGINE_TIMEOUT_MS));
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reply future failed", e.getCause());
    }
  }

  private static String describe(Reply failed) {
    return failed.errorCode() + " (" + failed.object("error").string("message") + ")";
  }

  static String endedMessage(Path file, HuntSnapshot hunt, long nowMs) {
    return file
        + ": hunt "
        + hunt.id()
        + " ended at "
        + Instant.ofEpochMilli(hunt.endsAtMs())
        + " (its ends-at); it is now "
        + Instant.ofEpochMilli(nowMs).truncatedTo(ChronoUnit.SECONDS)
        + ", so there is nothing to play. Set a later ends-at (or remove it) to simulate it.";
  }

  // ------------------------------------------------------------------ output

  /** One line a second on stderr until the deadline or a stop (Ctrl-C). */
  private void report(Simulation simulation, long startNs, long deadlineNs)
      throws InterruptedException {
    SimulationStats stats = simulation.stats();
    long nextNs = startNs + PROGRESS_INTERVAL_NS;
    long lastCommands = 0;
    long lastNs = startNs;
    while (!simulation.stopping()) {
      long nowNs = System.nanoTime();
      if (nowNs - deadlineNs >= 0) {
        return;
      }
      if (nowNs - nextNs < 0) {
        long sleepNs = Math.min(Math.min(nextNs, deadlineNs) - nowNs, 100_000_000L);
        TimeUnit.NANOSECONDS.sleep(sleepNs);
        continue;
      }
      long commands = stats.commands();
      double perSecond = (commands - lastCommands) * 1e9 / Math.max(1, nowNs - lastNs);
      context
          .err()
          .println(
              "["
                  + pad((nowNs - startNs + 500_000_000L) / 1_000_000_000L + "s", 4, true)
                  + "] "
                  + Math.round(perSecond)
                  + " cmd/s, "
                  + plural(stats.players(), "player")
                  + ", "
                  + plural(stats.solves(), "solve")
                  + ", "
                  + plural(stats.claims(), "claim")
                  + ", errors: "
                  + errors(stats.errors()));
      context.err().flush();
      lastCommands = commands;
      lastNs = nowNs;
      nextNs += PROGRESS_INTERVAL_NS;
    }
  }

  private void summary(
      Path file,
      HuntSnapshot hunt,
      long runSeed,
      Engine engine,
      EngineConfig config,
      SimulationStats stats,
      long elapsedNs,
      Optional<Reply> board) {
    PrintWriter out = context.out();
    long records = 0;
    long fsyncs = 0;
    long fsyncNs = 0;
    for (int i = 0; i < engine.shardCount(); i++) {
      JournalMetrics journal = engine.shard(i).journalMetrics();
      records += journal.records();
      fsyncs += journal.fsyncs();
      fsyncNs += journal.totalFsyncNs();
    }
    Histogram latency = stats.latencyNs();
    double seconds = elapsedNs / 1e9;
    out.println(label("hunt") + hunt.id() + ", " + hunt.title() + " (" + file + ")");
    out.println(
        label("run") + plural(bots, "bot") + " for " + fixed(seconds, 1) + "s, seed " + runSeed);
    out.println(
        label("commands")
            + stats.commands()
            + ", "
            + fixed(stats.commands() / Math.max(seconds, 1e-9), 1)
            + "/s");
    out.println(
        label("latency")
            + "p50 "
            + ms(latency.getValueAtPercentile(50))
            + ", p99 "
            + ms(latency.getValueAtPercentile(99))
            + ", max "
            + ms(latency.getMaxValue())
            + " (send to reply, in process)");
    out.println(
        label("game")
            + plural(stats.players(), "player")
            + ", "
            + plural(stats.solves(), "solve")
            + ", "
            + plural(stats.claims(), "claim")
            + ", "
            + plural(stats.hints(), "hint")
            + ", "
            + plural(stats.wrongGuesses() + stats.partialGuesses(), "wrong guess")
            + " ("
            + stats.partialGuesses()
            + " partial), "
            + plural(stats.events(), "push event"));
    out.println(label("errors") + errors(stats.errors()));
    out.println(
        label("journal")
            + plural(records, "record")
            + ", "
            + plural(fsyncs, "fsync")
            + (fsyncs > 0 ? " (mean " + ms(fsyncNs / fsyncs) + ")" : "")
            + ", fsync "
            + config.fsync().name().toLowerCase(Locale.ROOT)
            + ", "
            + plural(engine.shardCount(), "shard"));
    List<Reply> top = board.map(b -> b.objects("top")).orElse(List.of());
    out.println(label("leaderboard") + (top.isEmpty() ? "(no reply)" : "top " + top.size()));
    int teamWidth = 4;
    for (Reply row : top) {
      teamWidth = Math.max(teamWidth, row.string("team").length());
    }
    for (Reply row : top) {
      out.println(
          pad(Long.toString((long) row.number("rank", 0)), 6, true)
              + "  "
              + pad(row.string("team"), teamWidth, false)
              + pad(Long.toString((long) row.number("score", 0)), 8, true));
    }
  }

  private static String errors(Map<String, Long> byCode) {
    if (byCode.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : byCode.entrySet()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    return sb.toString();
  }

  private static String label(String name) {
    return pad(name, 13, false);
  }

  private static String ms(long ns) {
    return fixed(ns / 1e6, 2) + " ms";
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : noun.endsWith("s") ? "es" : "s");
  }

  private static void deleteTree(Path root, PrintWriter err) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("could not delete the temporary data directory " + root + ": " + e);
    }
  }

  /** {@code --duration} in the Veltrix syntax, as milliseconds. */
  static final class DurationMs implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      long ms = Durations.parseMs(text);
      if (ms <= 0) {
        throw new TypeConversionException(
            "expected " + Durations.EXPECTED + " (more than zero), got '" + text + "'");
      }
      return ms;
    }
  }
}
