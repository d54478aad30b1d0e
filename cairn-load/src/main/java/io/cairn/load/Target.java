package io.cairn.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server under load: a {@code cairn serve} or {@code cairn echo} child process this run started
 * (temporary data directory, the bench hunt, the scenario's fsync policy, an admin token of its
 * own), or one given by URL. Reads its {@code /metrics} and, when it is a child, can make it
 * collect garbage ({@code jcmd GC.run}) before a memory reading.
 */
final class Target implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private final String wsUrl;
  private final URI http;
  private final String adminToken;
  private final Process process;
  private final Path dir;
  private final Path safepointLog;

  /** Where a flight recording started by server-java-opts is dumped before the stop, or null. */
  private Path flightRecording;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(HTTP_TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Target(String wsUrl, String adminToken, Process process, Path dir, Path safepointLog) {
    this.safepointLog = safepointLog;
    this.wsUrl = wsUrl;
    URI ws = URI.create(wsUrl);
    this.http = URI.create("http://" + ws.getHost() + ":" + ws.getPort());
    this.adminToken = adminToken;
    this.process = process;
    this.dir = dir;
  }

  /** The target of {@code scenario}: started as a child process, or the one at its URL. */
  static Target open(
      Scenario scenario, JavaCommand java, boolean echo, Path runDir, BenchRun.Log log)
      throws IOException, InterruptedException {
    if (!scenario.url().isEmpty()) {
      Target t = new Target(scenario.url(), scenario.adminToken(), null, null, null);
      if (!echo) {
        t.prepareHunt(log);
      }
      return t;
    }
    Path dir = Files.createTempDirectory("cairn-bench-");
    int port = freePort();
    List<String> args = new ArrayList<>();
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    if (echo) {
      args.add("echo");
      args.add("--port");
      args.add(Integer.toString(port));
      args.add("--set");
      args.add("host=127.0.0.1");
    } else {
      Path hunts = Files.createDirectories(dir.resolve("hunts")); // the hunt is loaded by API
      args.addAll(
          List.of(
              "serve",
              "--port",
              Integer.toString(port),
              "--data",
              dir.resolve("data").toString(),
              "--hunts",
              hunts.toString(),
              "--set",
              "host=127.0.0.1",
              "--set",
              "fsync=" + scenario.fsync(),
              "--set",
              "admin-token=" + token,
              "--set",
              "heap=" + scenario.serverHeap()));
    }
    for (String setting : scenario.serverSet()) {
      args.add("--set");
      args.add(setting);
    }
    List<String> flags = new ArrayList<>();
    flags.add("-XX:+UseZGC");
    flags.add("-Xms" + scenario.serverHeap());
    flags.add("-Xmx" + scenario.serverHeap());
    Path safepoints = runDir.resolve(echo ? "echo-safepoints.log" : "safepoints.log");
    flags.add(SafepointLog.flag(safepoints));
    if (!scenario.profile().isEmpty()) {
      flags.addAll(ServerProfile.SERVER_FLAGS);
    }
    flags.addAll(scenario.serverJavaOpts());
    List<String> cmd = java.command(flags, java.cairnMain(), args);
    Path logFile = runDir.resolve(echo ? "echo.log" : "server.log");
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    log.line(
        "started "
            + (echo ? "cairn echo" : "cairn serve")
            + " (pid "
            + p.pid()
            + ", port "
            + port
            + ", log "
            + logFile
            + ")");
    Target t = new Target("ws://127.0.0.1:" + port + "/ws", token, p, dir, safepoints);
    for (String flag : scenario.serverJavaOpts()) {
      if (flag.startsWith("-XX:StartFlightRecording")) {
        t.flightRecording = runDir.resolve(echo ? "echo.jfr" : "server.jfr").toAbsolutePath();
      }
    }
    try {
      t.awaitUp(logFile);
      if (!echo) {
        t.prepareHunt(log);
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      t.close(); // not left running when it never became usable
      throw e;
    }
    return t;
  }

  String wsUrl() {
    return wsUrl;
  }

  /** The process id of a started server, or 0 for one given by URL. */
  long pid() {
    return process == null ? 0 : process.pid();
  }

  /** The safepoint log of a started server, or null for one given by URL. */
  Path safepointLog() {
    return safepointLog;
  }

  /** The metrics text, or null when the target has none (the echo server) or cannot answer. */
  PromText scrape() {
    try {
      HttpResponse<String> r = get("/metrics");
      return r.statusCode() == 200 ? new PromText(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Asks a child server for a full collection, so a heap reading holds only live data. */
  boolean collectGarbage() throws InterruptedException {
    return jcmd(ProcessBuilder.Redirect.DISCARD, "GC.run");
  }

  /** Writes a child server's heap histogram (live objects by class) to {@code file}. */
  boolean classHistogram(Path file) throws InterruptedException {
    return jcmd(ProcessBuilder.Redirect.to(file.toFile()), "GC.class_histogram");
  }

  /**
   * Writes a child server's native memory summary (Native Memory Tracking must be on) to {@code
   * file}.
   */
  boolean nativeMemory(Path file) throws InterruptedException {
    return jcmd(
        ProcessBuilder.Redirect.to(file.toFile()), NativeMemory.JCMD.toArray(String[]::new));
  }

  private boolean jcmd(ProcessBuilder.Redirect output, String... command)
      throws InterruptedException {
    if (process == null) {
      return false;
    }
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return false;
    }
    try {
      List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
      cmd.addAll(List.of(command));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitUp(Path logFile) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "the server exited with status "
                + process.exitValue()
                + " before it listened; its log "
                + logFile
                + " ends with:\n"
                + tail(logFile));
      }
      try {
        if (get("/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IOException("the server did not answer /healthz within " + START_TIMEOUT);
  }

  /** Loads (or reloads) the bench hunt and starts it; a running hunt is left running. */
  private void prepareHunt(BenchRun.Log log) throws IOException, InterruptedException {
    if (adminToken.isEmpty()) {
      log.line(
          "no admin-token given: the hunt '"
              + BenchHunt.ID
              + "' must already be loaded from the bench hunt file and running");
      return;
    }
    HttpResponse<String> load =
        admin(
            "/admin/hunts?force=true",
            HttpRequest.BodyPublishers.ofString(BenchHunt.text(), StandardCharsets.UTF_8));
    if (load.statusCode() != 200) {
      throw new IOException(
          "loading the bench hunt answered " + load.statusCode() + ": " + load.body());
    }
    HttpResponse<String> start =
        admin("/admin/hunts/" + BenchHunt.ID + "/start", HttpRequest.BodyPublishers.noBody());
    if (start.statusCode() != 200 && start.statusCode() != 409) {
      throw new IOException(
          "starting the bench hunt answered " + start.statusCode() + ": " + start.body());
    }
  }

  private HttpResponse<String> admin(String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(http.resolve(path))
            .timeout(HTTP_TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .POST(body)
            .build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(http.resolve(path)).timeout(HTTP_TIMEOUT).build();
    return client.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops a child server as SIGTERM does (it drains), then removes its data. */
  @Override
  public void close() {
    client.close();
    if (process == null) {
      return;
    }
    try {
      if (flightRecording != null && process.isAlive()) {
        // the server halts on SIGTERM once drained, before the JVM would write the recording
        jcmd(ProcessBuilder.Redirect.DISCARD, "JFR.dump", "filename=" + flightRecording);
      }
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
