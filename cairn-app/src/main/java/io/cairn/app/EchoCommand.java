package io.cairn.app;

import io.cairn.server.CairnServer;
import io.cairn.server.GatewayLimits;
import io.cairn.server.ServerException;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cairn echo}: the bare network stack of {@code cairn serve} (same transport, allocator,
 * threads, channel and WebSocket settings, read from the same settings) answering each text frame
 * with itself, and pushing an event to every connection for a frame {@code cairn bench} marks as a
 * claim or right guess: no engine, no journal. What {@code cairn bench --target echo} measures as
 * the ceiling of the stack on a machine.
 */
@Command(
    name = "echo",
    description = {
      "Run a bare WebSocket echo server at ws://HOST:PORT/ws on the server's network stack"
          + " (no engine, no journal): the ceiling cairn bench compares Cairn with.",
      "A frame ending in ,\"push\":\"claimed\"} (or \"solved\") also sends a claimed (or solved)"
          + " event to every WebSocket connection, as Cairn pushes to a hunt.",
      "Any other HTTP path answers 200 'echo'. SIGTERM or Ctrl-C stops it."
    })
final class EchoCommand implements Callable<Integer> {
  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Option(names = "--port", paramLabel = "N", description = "the setting port (0 = any free port)")
  Optional<Integer> port = Optional.empty();

  private final CliContext context;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile CairnServer running;

  EchoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = context.err();
    GlobalOptions merged = parent.global.then(options);
    port.ifPresent(p -> merged.flags.put("port", Integer.toString(p)));
    ServerSettings settings;
    try {
      settings = merged.load(context);
    } catch (VeltrixException e) {
      Problems.print(err, e);
      return 1;
    }
    CairnServer server;
    try {
      server = CairnServer.echo(settings.host(), settings.port(), GatewayLimits.from(settings));
    } catch (ServerException e) {
      err.println(e.getMessage());
      return 1;
    }
    running = server;
    err.println(
        "echo listening on "
            + settings.host()
            + ":"
            + server.port()
            + " ("
            + server.transport()
            + "), WebSocket at ws://"
            + settings.host()
            + ":"
            + server.port()
            + "/ws");
    err.flush();
    Thread hook = new Thread(this::onSignal, "cairn-echo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
      server.close();
    } finally {
      stopped.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // A signal is being handled: the hook exits the JVM once this returns.
    }
    return 0;
  }

  /** Stops the server as SIGTERM would; for tests. */
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
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(0);
  }
}
