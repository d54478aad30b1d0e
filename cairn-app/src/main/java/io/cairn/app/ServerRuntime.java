package io.cairn.app;

import io.cairn.app.sim.Reply;
import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
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
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.ServerSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine behind the network gateway, as {@code cairn serve} and {@code cairn demo} run it, in
 * the steps they share: {@link #start} recovers the engine (a log line per shard), the command
 * prepares its hunts through the {@link #organiser} session, {@link #listen} opens the port and
 * reports ready, {@link #awaitStop} waits for SIGTERM or Ctrl-C, {@link #drain} stops accepting,
 * lets the engine answer what is queued and flush its journals and closes the connections, and
 * {@link #finished} lets a signalled JVM exit 0. Lifecycle lines go to stderr.
 */
final class ServerRuntime {
  /** How long an organiser command may take before the command gives up on it. */
  static final long ORGANISER_TIMEOUT_MS = 10_000;

  /** How long a signal waits for {@link #finished} before the JVM exits anyway. */
  private static final long SHUTDOWN_WAIT_S = 30;

  private final CliContext context;
  private final ServerSettings settings;
  private final ServerMetrics metrics;
  private final Gateway gateway;
  private final Engine engine;
  private final LocalClient.Session organiser;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean drained = new AtomicBoolean();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;
  private volatile CairnServer server;

  private ServerRuntime(
      CliContext context,
      ServerSettings settings,
      ServerMetrics metrics,
      Gateway gateway,
      Engine engine) {
    this.context = context;
    this.settings = settings;
    this.metrics = metrics;
    this.gateway = gateway;
    this.engine = engine;
    this.organiser = gateway.localClient().open();
    this.hook = new Thread(this::onSignal, "cairn-shutdown");
  }

  /**
   * Loads the settings of {@code options} and starts the engine on them, as {@code serve} and
   * {@code demo} both begin; a bad setting or an engine that cannot start is reported on the
   * command's error stream and gives null.
   */
  static ServerRuntime open(CliContext context, GlobalOptions options) {
    try {
      return start(context, options.load(context));
    } catch (VeltrixException e) {
      Problems.print(context.err(), e);
    } catch (ServerException e) {
      context.err().println(e.getMessage());
    }
    return null;
  }

  /**
   * Starts the engine on the settings' data directory, replaying its journals, and logs what each
   * shard recovered. From here on SIGTERM or Ctrl-C ends {@link #awaitStop}, and the JVM waits for
   * {@link #finished} before it exits; call it in a {@code finally}.
   *
   * @throws ServerException when the engine cannot start there
   */
  static ServerRuntime start(CliContext context, ServerSettings settings) {
    ServerMetrics metrics = new ServerMetrics();
    Gateway gateway = new Gateway(new LocalClient(), metrics);
    Engine engine;
    try {
      engine = Engine.start(EngineConfig.from(settings), gateway, context.clock()::millis);
    } catch (RuntimeException e) {
      throw new ServerException(
          "cannot start the engine on " + settings.dataDir() + ": " + e.getMessage(), e);
    }
    gateway.attach(engine);
    metrics.bind(engine);
    ServerRuntime runtime = new ServerRuntime(context, settings, metrics, gateway, engine);
    Runtime.getRuntime().addShutdownHook(runtime.hook);
    for (ShardRecovery r : engine.recovery()) {
      runtime.log(
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
    return runtime;
  }

  Engine engine() {
    return engine;
  }

  ServerSettings settings() {
    return settings;
  }

  /** Opens in-process sessions (organiser, bots) on the engine. */
  LocalClient localClient() {
    return gateway.localClient();
  }

  /** The session that loads and starts hunts, as an organiser would through the admin API. */
  LocalClient.Session organiser() {
    return organiser;
  }

  /**
   * The admin API's token: the configured one, or the one kept in the data directory, made up when
   * there is none (and then logged, once, when {@code logCreated}).
   */
  AdminToken adminToken(boolean logCreated) {
    AdminToken admin = AdminToken.loadOrCreate(settings.dataDir(), settings.adminToken());
    if (admin.created() && logCreated) {
      log(
          "admin token (shown once; kept in "
              + settings.dataDir().resolve(AdminToken.FILE)
              + "): "
              + admin.token());
    }
    return admin;
  }

  /**
   * Serves players and HTTP on the settings' host and port, reports ready and logs where.
   *
   * @throws ServerException when the port cannot be bound ({@link ServerException#portInUse} when
   *     another process has it)
   */
  void listen(AdminToken admin) {
    List<HttpRoute> routes =
        HttpRoutes.standard(
            engine,
            ready::get,
            metrics,
            admin,
            gateway.localClient().open(),
            ClientConfigRoute.from(settings),
            gateway.organiserFeed(),
            settings.benchDir());
    CairnServer started =
        CairnServer.start(
            settings.host(), settings.port(), gateway, routes, GatewayLimits.from(settings));
    server = started;
    ready.set(true);
    log(
        "listening on "
            + settings.host()
            + ":"
            + started.port()
            + " ("
            + started.transport()
            + "): open "
            + started.httpUrl()
            + ", players at "
            + started.websocketUrl()
            + (started.boundToAllInterfaces()
                ? " (all interfaces: other machines use this machine's name or address)"
                : ""));
  }

  /** The port listened on once {@link #listen} succeeded (the chosen one for port 0), else -1. */
  int port() {
    CairnServer s = server;
    return s == null ? -1 : s.port();
  }

  /** Waits up to {@code timeoutMs} for a stop; true once one came. */
  boolean awaitStop(long timeoutMs) throws InterruptedException {
    return stop.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Stops the server as SIGTERM would; for tests and embedding. */
  void stop() {
    stop.countDown();
  }

  /**
   * Stops accepting, lets the engine answer every queued command and flush its journals, then
   * closes the connections. Without a server (listening failed) it only closes the engine. Only the
   * first call does anything.
   */
  void drain() {
    if (!drained.compareAndSet(false, true)) {
      return;
    }
    CairnServer s = server;
    if (s == null) {
      engine.close();
      metrics.close();
      return;
    }
    log("draining: no new connections");
    s.stopAccepting();
    engine.close();
    log("engine stopped: queued commands answered, journals flushed");
    s.close();
    metrics.close();
    log("stopped");
  }

  /** The command is done with its cleanup: a JVM stopping on a signal may now exit 0. */
  void finished() {
    stopped.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // A signal is being handled: the hook exits the JVM with 0 once this returns.
    }
  }

  /** An organiser command's reply, or null (and a line saying so) when none came in time. */
  Reply await(CompletableFuture<String> reply) throws InterruptedException {
    try {
      return Reply.parse(reply.get(ORGANISER_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      context.err().println("the engine did not answer within " + ORGANISER_TIMEOUT_MS + " ms");
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reply future failed", e.getCause());
    }
  }

  void log(String line) {
    context.err().println(line);
    context.err().flush();
  }

  private void onSignal() {
    stop.countDown();
    try {
      stopped.await(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.err().flush();
    context.out().flush();
    Runtime.getRuntime().halt(0);
  }
}
