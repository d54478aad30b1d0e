package io.cairn.app;

import io.cairn.app.sim.Reply;
import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.hunt.HuntView;
import io.cairn.engine.shard.ShardRecovery;
import io.cairn.server.CairnServer;
import io.cairn.server.Gateway;
import io.cairn.server.GatewayLimits;
import io.cairn.server.HttpRoute;
import io.cairn.server.ServerException;
import io.cairn.server.http.AdminToken;
import io.cairn.server.http.ClientConfigRoute;
import io.cairn.server.http.HttpRoutes;
import io.cairn.server.http.ServerMetrics;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cairn serve}: the engine behind the network gateway. Logs one line per lifecycle step on
 * stderr (recovery per shard, hunts loaded, listening address); loads every {@code *.hunt.yaml} of
 * the hunts directory through an in-process organiser session; on SIGTERM or Ctrl-C it drains:
 * stops accepting, lets the engine answer what is queued and flush its journals, closes the
 * connections, and exits 0.
 */
@Command(
    name = "serve",
    description = {
      "Run the server: players over WebSocket at ws://HOST:PORT/ws, HTTP on the same port.",
      "Loads every *.hunt.yaml of the hunts directory at start; SIGTERM or Ctrl-C drains and"
          + " exits 0."
    })
final class ServeCommand implements Callable<Integer> {
  private static final long ORGANISER_TIMEOUT_MS = 10_000;

  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Option(names = "--port", paramLabel = "N", description = "the setting port (0 = any free port)")
  Optional<Integer> port = Optional.empty();

  @Option(names = "--data", paramLabel = "DIR", description = "the setting data-dir")
  Optional<Path> data = Optional.empty();

  @Option(names = "--hunts", paramLabel = "DIR", description = "the setting hunts-dir")
  Optional<Path> hunts = Optional.empty();

  private final CliContext context;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile CairnServer running;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = context.err();
    GlobalOptions merged = parent.global.then(options);
    port.ifPresent(p -> merged.flags.put("port", Integer.toString(p)));
    data.ifPresent(d -> merged.flags.put("data-dir", d.toString()));
    hunts.ifPresent(h -> merged.flags.put("hunts-dir", h.toString()));
    ServerSettings settings;
    try {
      settings = merged.load(context);
    } catch (VeltrixException e) {
      Problems.print(err, e);
      return 1;
    }
    ServerMetrics metrics = new ServerMetrics();
    Gateway gateway = new Gateway(new LocalClient(), metrics);
    Engine engine;
    try {
      engine = Engine.start(EngineConfig.from(settings), gateway, context.clock()::millis);
    } catch (RuntimeException e) {
      err.println("cannot start the engine on " + settings.dataDir() + ": " + e.getMessage());
      return 1;
    }
    gateway.attach(engine);
    metrics.bind(engine);
    for (ShardRecovery r : engine.recovery()) {
      log(
          "shard "
              + r.shard()
              + ": recovered "
              + r.recordsReplayed()
              + " records in "
              + r.elapsedNs() / 1_000_000
              + " ms"
              + (r.bytesDropped() > 0
                  ? " (dropped a torn record of " + r.bytesDropped() + " B)"
                  : ""));
    }
    try {
      loadHunts(gateway.localClient(), engine, settings.huntsDir());
      AdminToken admin = AdminToken.loadOrCreate(settings.dataDir(), settings.adminToken());
      if (admin.created()) {
        log(
            "admin token (shown once; kept in "
                + settings.dataDir().resolve("admin-token")
                + "): "
                + admin.token());
      }
      AtomicBoolean ready = new AtomicBoolean();
      List<HttpRoute> routes =
          HttpRoutes.standard(
              engine,
              ready::get,
              metrics,
              admin,
              gateway.localClient().open(),
              ClientConfigRoute.from(settings),
              gateway.organiserFeed());
      CairnServer server =
          CairnServer.start(
              settings.host(), settings.port(), gateway, routes, GatewayLimits.from(settings));
      running = server;
      ready.set(true);
      log(
          "listening on "
              + settings.host()
              + ":"
              + server.port()
              + " ("
              + server.transport()
              + "), players at ws://"
              + settings.host()
              + ":"
              + server.port()
              + "/ws");
    } catch (ServerException e) {
      err.println(e.getMessage());
      engine.close();
      return 1;
    }
    Thread hook = new Thread(this::onSignal, "cairn-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
      drain(engine, metrics);
    } finally {
      stopped.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // A signal is being handled: the hook exits the JVM with 0 once this returns.
    }
    return 0;
  }

  /** Stops the server as SIGTERM would; for tests and embedding. */
  void stop() {
    stop.countDown();
  }

  /** Port the server listens on once started, or -1. */
  int port() {
    CairnServer server = running;
    return server == null ? -1 : server.port();
  }

  private void onSignal() {
    stop.countDown();
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.err().flush();
    Runtime.getRuntime().halt(0);
  }

  private void drain(Engine engine, ServerMetrics metrics) {
    CairnServer server = running;
    log("draining: no new connections");
    server.stopAccepting();
    engine.close();
    log("engine stopped: queued commands answered, journals flushed");
    server.close();
    metrics.close();
    log("stopped");
  }

  private void loadHunts(LocalClient client, Engine engine, Path dir) throws InterruptedException {
    if (!Files.isDirectory(dir)) {
      log("hunts directory " + dir + " does not exist: no hunt loaded from files");
      return;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.hunt.yaml")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      context.err().println("cannot list " + dir + ": " + e.getMessage());
      return;
    }
    files.sort(null);
    LocalClient.Session organiser = client.open();
    int loaded = 0;
    int reloaded = 0;
    int unchanged = 0;
    int failed = 0;
    for (Path file : files) {
      String text;
      HuntSnapshot hunt;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
        hunt = HuntFiles.compile(file.getFileName().toString(), text);
      } catch (IOException e) {
        context.err().println("cannot read " + file + ": " + e.getMessage());
        failed++;
        continue;
      } catch (VeltrixException e) {
        Problems.print(context.err(), e);
        failed++;
        continue;
      }
      Optional<HuntView> known = engine.directory().find(hunt.id());
      Reply reply;
      if (known.isEmpty()) {
        reply = await(organiser.loadHunt(hunt.id(), hunt.sourceName(), text));
        if (reply != null && reply.ok()) {
          loaded++;
          continue;
        }
      } else if (known.get().snapshot().sourceText().equals(text)) {
        unchanged++;
        continue;
      } else {
        reply = await(organiser.reloadHunt(hunt.id(), hunt.sourceName(), text, false));
        if (reply != null && reply.ok()) {
          reloaded++;
          continue;
        }
      }
      failed++;
      context
          .err()
          .println(
              file
                  + ": not loaded: "
                  + (reply == null
                      ? "no answer"
                      : reply.errorCode() + " (" + reply.object("error").string("message") + ")"));
    }
    log(
        "hunts from "
            + dir
            + ": "
            + loaded
            + " loaded, "
            + reloaded
            + " reloaded, "
            + unchanged
            + " unchanged, "
            + failed
            + " failed; "
            + engine.directory().size()
            + " in the engine");
  }

  private Reply await(java.util.concurrent.CompletableFuture<String> reply)
      throws InterruptedException {
    try {
      return Reply.parse(reply.get(ORGANISER_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reply future failed", e.getCause());
    }
  }

  private void log(String line) {
    context.err().println(line);
    context.err().flush();
  }
}
