package io.cairn.app;

import io.cairn.app.sim.Reply;
import io.cairn.engine.Engine;
import io.cairn.engine.LocalClient;
import io.cairn.engine.hunt.HuntView;
import io.cairn.server.ServerException;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.VeltrixException;
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
  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Option(names = "--port", paramLabel = "N", description = "the setting port (0 = any free port)")
  Optional<Integer> port = Optional.empty();

  @Option(names = "--data", paramLabel = "DIR", description = "the setting data-dir")
  Optional<Path> data = Optional.empty();

  @Option(names = "--hunts", paramLabel = "DIR", description = "the setting hunts-dir")
  Optional<Path> hunts = Optional.empty();

  private final CliContext context;
  private volatile ServerRuntime running;

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
    ServerRuntime runtime = ServerRuntime.open(context, merged);
    if (runtime == null) {
      return 1;
    }
    running = runtime;
    try {
      loadHunts(runtime, runtime.settings().huntsDir());
      runtime.listen(runtime.adminToken(true));
      runtime.awaitStop(Long.MAX_VALUE);
      return 0;
    } catch (ServerException e) {
      err.println(e.getMessage());
      return 1;
    } finally {
      runtime.drain();
      runtime.finished();
    }
  }

  /** Stops the server as SIGTERM would; for tests and embedding. */
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

  private void loadHunts(ServerRuntime runtime, Path dir) throws InterruptedException {
    Engine engine = runtime.engine();
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
    LocalClient.Session organiser = runtime.organiser();
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
        reply = runtime.await(organiser.loadHunt(hunt.id(), hunt.sourceName(), text));
        if (reply != null && reply.ok()) {
          loaded++;
          continue;
        }
      } else if (known.get().snapshot().sourceText().equals(text)) {
        unchanged++;
        continue;
      } else {
        reply = runtime.await(organiser.reloadHunt(hunt.id(), hunt.sourceName(), text, false));
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

  private void log(String line) {
    context.err().println(line);
    context.err().flush();
  }
}
