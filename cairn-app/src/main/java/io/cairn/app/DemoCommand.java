package io.cairn.app;

import io.cairn.app.sim.Pace;
import io.cairn.app.sim.Reply;
import io.cairn.app.sim.Simulation;
import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.HuntStatus;
import io.cairn.engine.hunt.HuntView;
import io.cairn.server.ServerException;
import io.cairn.server.http.AdminToken;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cairn demo}: the real server ({@code cairn serve}'s) with the bundled Old Town hunt loaded
 * and started through the organiser path, and bots playing it at a human pace for as long as the
 * server runs, so that a newcomer opens one URL and sees a live hunt. The data folder is temporary
 * unless {@code --data} names one; a folder that already holds the demo resumes it.
 */
@Command(
    name = "demo",
    description = {
      "Run the server with the bundled demo hunt (Stockholm's old town) started, and simulated"
          + " players playing it at a human pace until you stop it (Ctrl-C).",
      "Uses a temporary data directory (deleted on exit) unless --data is given; a directory"
          + " that already holds the demo resumes it."
    })
final class DemoCommand implements Callable<Integer> {
  static final int MAX_BOTS = 10_000;

  private static final long PROGRESS_INTERVAL_MS = 10_000;

  /** How long the bots may take to stop before the server drains anyway. */
  private static final long BOTS_STOP_TIMEOUT_MS = 10_000;

  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      description =
          "port of the web page, HTTP API and WebSocket (default: the setting port, 8080;"
              + " 0 = any free port)")
  Optional<Integer> port = Optional.empty();

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "data directory to use and keep; one that holds the demo resumes it"
              + " (default: a temporary one, deleted on exit)")
  Optional<Path> data = Optional.empty();

  @Option(
      names = "--bots",
      paramLabel = "N",
      defaultValue = "50",
      description = "simulated players, 0 for none (default: ${DEFAULT-VALUE})")
  int bots;

  @Option(names = "--quiet", description = "no progress line every 10 seconds")
  boolean quiet;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help (also: cairn help demo)")
  boolean help;

  @Option(
      names = "--bot-speedup",
      paramLabel = "F",
      defaultValue = "1",
      hidden = true,
      description = "divides the bots' think and turn times by F (for tests)")
  double botSpeedup;

  private final CliContext context;
  private volatile ServerRuntime running;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (bots < 0 || bots > MAX_BOTS) {
      throw new ParameterException(
          spec.commandLine(), "--bots must be between 0 and " + MAX_BOTS + ", not " + bots);
    }
    if (!(botSpeedup >= 1)) {
      throw new ParameterException(spec.commandLine(), "--bot-speedup must be at least 1");
    }
    PrintWriter err = context.err();
    GlobalOptions merged = parent.global.then(options);
    port.ifPresent(p -> merged.flags.put("port", Integer.toString(p)));
    boolean temporary = data.isEmpty();
    Path dataDir;
    try {
      dataDir = temporary ? Files.createTempDirectory("cairn-demo-") : data.get();
    } catch (IOException e) {
      err.println("cannot create a temporary data directory: " + e.getMessage());
      return 1;
    }
    merged.flags.put("data-dir", dataDir.toString());
    try {
      ServerRuntime runtime = ServerRuntime.open(context, merged);
      if (runtime == null) {
        return 1;
      }
      running = runtime;
      return run(runtime, runtime.settings(), dataDir, temporary);
    } finally {
      ServerRuntime runtime = running;
      if (runtime != null) {
        runtime.drain();
      }
      if (temporary) {
        deleteTree(dataDir, err);
      }
      if (runtime != null) {
        runtime.finished();
      }
    }
  }

  private int run(ServerRuntime runtime, ServerSettings settings, Path dataDir, boolean temporary)
      throws InterruptedException {
    PrintWriter err = context.err();
    Optional<HuntView> hunt;
    AdminToken admin;
    try {
      hunt = prepareHunt(runtime, dataDir);
      if (hunt.isEmpty()) {
        return 1;
      }
      admin = runtime.adminToken(false);
      runtime.listen(admin);
    } catch (ServerException e) {
      if (e.portInUse()) {
        err.println(
            "port "
                + settings.port()
                + " is in use; run `cairn demo --port "
                + (settings.port() == 65_535 ? 8081 : settings.port() + 1)
                + "` (or stop what listens there)");
      } else {
        err.println(e.getMessage());
      }
      return 1;
    }
    HuntView view = hunt.get();
    Simulation simulation = null;
    if (bots > 0) {
      Pace pace = botSpeedup > 1 ? Pace.DEMO.faster(botSpeedup) : Pace.DEMO;
      simulation =
          new Simulation(
              view.snapshot(),
              bots,
              ThreadLocalRandom.current().nextLong(),
              runtime.localClient()::open,
              runtime.engine().clock(),
              pace,
              view.playerCount(),
              view.teamCount());
      simulation.startEndless();
    }
    banner(runtime, settings, view, admin, dataDir, temporary, simulation != null);
    try {
      report(runtime, view, simulation);
    } finally {
      if (simulation != null) {
        simulation.stop();
        if (!simulation.awaitEnd(BOTS_STOP_TIMEOUT_MS)) {
          err.println("some bots did not stop within " + BOTS_STOP_TIMEOUT_MS + " ms");
        }
      }
    }
    return 0;
  }

  /** Stops the demo as SIGTERM would; for tests. */
  void stop() {
    ServerRuntime runtime = running;
    if (runtime != null) {
      runtime.stop();
    }
  }

  /** Port the server listens on once started, or -1. */
  int port() {
    ServerRuntime runtime = running;
    return runtime == null ? -1 : runtime.port();
  }

  /**
   * Loads the demo hunt and starts it as an organiser would, unless the data directory already
   * holds it (then it is resumed as it was: a paused or ended hunt is said so, not forced on).
   * Empty when there is nothing to play.
   */
  private Optional<HuntView> prepareHunt(ServerRuntime runtime, Path dataDir)
      throws InterruptedException {
    PrintWriter err = context.err();
    HuntSnapshot bundled;
    try {
      bundled = DemoHunt.compile();
    } catch (VeltrixException e) {
      Problems.print(err, e);
      return Optional.empty();
    }
    String id = bundled.id();
    Optional<HuntView> known = runtime.engine().directory().find(id);
    if (known.isEmpty()) {
      Reply loaded =
          runtime.await(
              runtime.organiser().loadHunt(id, bundled.sourceName(), bundled.sourceText()));
      if (loaded == null || !loaded.ok()) {
        err.println("cannot load the demo hunt: " + describe(loaded));
        return Optional.empty();
      }
      runtime.log("demo hunt " + id + " loaded");
    } else {
      runtime.log(
          "demo hunt "
              + id
              + " is already in "
              + dataDir
              + " ("
              + HuntStatus.name(known.get().status())
              + "): resuming it");
    }
    HuntView view = runtime.engine().directory().find(id).orElseThrow();
    switch (view.status()) {
      case HuntStatus.SCHEDULED -> {
        Reply started = runtime.await(runtime.organiser().lifecycle(id, Op.START));
        if (started == null || !started.ok()) {
          err.println("cannot start the demo hunt: " + describe(started));
          return Optional.empty();
        }
        runtime.log("demo hunt " + id + " started");
      }
      case HuntStatus.PAUSED ->
          runtime.log(
              "demo hunt "
                  + id
                  + " is paused (by an organiser): the bots wait; resume it with POST"
                  + " /admin/hunts/"
                  + id
                  + "/resume");
      case HuntStatus.ENDED -> {
        err.println(
            "the demo hunt in "
                + dataDir
                + " has ended: there is nothing to play. Use another --data directory, or none.");
        return Optional.empty();
      }
      default -> {}
    }
    return Optional.of(view);
  }

  private void banner(
      ServerRuntime runtime,
      ServerSettings settings,
      HuntView hunt,
      AdminToken admin,
      Path dataDir,
      boolean temporary,
      boolean botsPlaying) {
    String address = connectableHost(settings.host()) + ":" + runtime.port();
    PrintWriter out = context.out();
    out.println();
    out.println(
        "Cairn demo: \""
            + hunt.snapshot().title()
            + "\" ("
            + hunt.huntId()
            + ", "
            + HuntStatus.name(hunt.status())
            + "), "
            + (botsPlaying ? bots + " bots playing" : "no bots"));
    out.println();
    out.println("  open       http://" + address + "/");
    out.println("  catalog    http://" + address + "/api/hunts");
    out.println("  players    ws://" + address + "/ws (hunt \"" + hunt.huntId() + "\")");
    out.println(
        "  admin      Authorization: Bearer "
            + admin.token()
            + (settings.adminToken().isBlank()
                ? " (kept in " + dataDir.resolve(AdminToken.FILE) + ")"
                : " (the admin-token setting)"));
    out.println("  data       " + dataDir + (temporary ? " (temporary, deleted on exit)" : ""));
    out.println();
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  /** A progress line every 10 seconds (unless --quiet) until a stop. */
  private void report(ServerRuntime runtime, HuntView hunt, Simulation simulation)
      throws InterruptedException {
    DemoProgress progress = new DemoProgress(runtime, hunt, simulation);
    while (!runtime.awaitStop(PROGRESS_INTERVAL_MS)) {
      if (!quiet) {
        context.err().println(progress.line());
        context.err().flush();
      }
    }
  }

  /**
   * An address a browser on this machine can connect to: the listening host, except that the
   * wildcard addresses (every interface) are not connectable and become {@code localhost}.
   */
  static String connectableHost(String host) {
    return switch (host) {
      case "0.0.0.0", "::", "[::]", "::0", "0:0:0:0:0:0:0:0" -> "localhost";
      default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    };
  }

  private static String describe(Reply failed) {
    return failed == null
        ? "no answer"
        : failed.errorCode() + " (" + failed.object("error").string("message") + ")";
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
}
