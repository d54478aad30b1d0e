package io.cairn.app;

import io.cairn.load.BenchRun;
import io.cairn.load.HtmlReport;
import io.cairn.load.JavaCommand;
import io.cairn.load.Scenario;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench}: simulated players over real WebSocket connections against a Cairn server
 * (started by the command, or given by URL) or the echo server; open-loop load at a fixed offered
 * rate, latencies from the intended send times. The scenario keys and their defaults are in {@link
 * Scenario#DEFAULTS} and docs/performance.md.
 */
@Command(
    name = "bench",
    description = {
      "Load test: simulated players over real WebSocket connections, open-loop at a fixed offered"
          + " rate; a progress line a second, then a table, out/summary.json, out/latency.hlog"
          + " and out/report.html (charts).",
      "Starts cairn serve (fsync always, a temporary data directory, the bench hunt) and the client"
          + " processes itself, unless --url names a running server.",
      "Settings, lowest first: defaults < --scenario FILE < --param KEY=VALUE < the flags below."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "scenario file: flat 'key: value' lines (keys as --param)")
  Optional<Path> scenarioFile = Optional.empty();

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description = "set a scenario key (repeatable); keys and defaults: docs/performance.md")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--target",
      paramLabel = "T",
      description = "cairn (default), echo, or both: echo then cairn, and their throughput ratio")
  Optional<String> target = Optional.empty();

  @Option(names = "--url", paramLabel = "URL", description = "ws:// URL of a running target")
  Optional<String> url = Optional.empty();

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description = "with --url: admin token, to load and start the bench hunt")
  Optional<String> adminToken = Optional.empty();

  @Option(names = "--players", paramLabel = "N", description = "players (default 1000)")
  Optional<String> players = Optional.empty();

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "offered requests/s over all players (default: players / think-time)")
  Optional<String> rate = Optional.empty();

  @Option(names = "--duration", paramLabel = "D", description = "measured time (default 30s)")
  Optional<String> duration = Optional.empty();

  @Option(names = "--warmup", paramLabel = "D", description = "unmeasured load first (5s)")
  Optional<String> warmup = Optional.empty();

  @Option(names = "--ramp-up", paramLabel = "D", description = "time to connect players (10s)")
  Optional<String> rampUp = Optional.empty();

  @Option(names = "--seed", paramLabel = "S", description = "fixes every schedule (default 1)")
  Optional<String> seed = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", description = "result directory (bench-out)")
  Optional<String> out = Optional.empty();

  @Option(
      names = "--idle",
      paramLabel = "N[,N...]",
      description = "memory mode: N idle joined players per step, server memory per connection")
  Optional<String> idle = Optional.empty();

  @Option(
      names = "--profile",
      paramLabel = "EVENT",
      arity = "0..1",
      fallbackValue = "cpu",
      description =
          "async-profiler flame graph of the started server over the measured time: cpu (without"
              + " EVENT), alloc, wall, lock or itimer; out/TARGET-flame-EVENT.html and .txt")
  Optional<String> profile = Optional.empty();

  @Option(
      names = "--report-only",
      paramLabel = "DIR",
      description =
          "draw DIR/report.html and its .svg charts again from a finished run's files, without"
              + " running load")
  Optional<String> reportOnly = Optional.empty();

  private final CliContext context;

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = context.err();
    if (reportOnly.isPresent()) {
      return redraw(context.workingDir().resolve(reportOnly.get()), err);
    }
    Scenario scenario;
    try {
      Map<String, String> keys = new LinkedHashMap<>();
      if (scenarioFile.isPresent()) {
        keys.putAll(Scenario.readFile(context.workingDir().resolve(scenarioFile.get())));
      }
      keys.putAll(params);
      target.ifPresent(v -> keys.put("target", v));
      url.ifPresent(v -> keys.put("url", v));
      adminToken.ifPresent(v -> keys.put("admin-token", v));
      players.ifPresent(v -> keys.put("players", v));
      rate.ifPresent(v -> keys.put("rate", v));
      duration.ifPresent(v -> keys.put("duration", v));
      warmup.ifPresent(v -> keys.put("warmup", v));
      rampUp.ifPresent(v -> keys.put("ramp-up", v));
      seed.ifPresent(v -> keys.put("seed", v));
      out.ifPresent(v -> keys.put("out", context.workingDir().resolve(v).toString()));
      idle.ifPresent(v -> keys.put("idle-connections", v));
      profile.ifPresent(v -> keys.put("profile", v));
      if (!keys.containsKey("out")) {
        keys.put("out", context.workingDir().resolve(Scenario.DEFAULTS.get("out")).toString());
      }
      scenario = Scenario.of(keys);
    } catch (IOException e) {
      err.println("cannot read the scenario file: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    BenchRun run =
        new BenchRun(
            scenario,
            javaCommand(),
            line -> {
              err.println(line);
              err.flush();
            },
            "cairn bench "
                + String.join(" ", afterBench(spec.commandLine().getParseResult().originalArgs())));
    try {
      run.run(context.out());
      return 0;
    } catch (IOException e) {
      err.println("cairn bench: " + e.getMessage());
      return 1;
    }
  }

  private int redraw(Path runDir, PrintWriter err) {
    try {
      context.out().println("report: " + HtmlReport.write(runDir));
      context.out().flush();
      return 0;
    } catch (FileNotFoundException e) {
      err.println("cairn bench --report-only: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("cairn bench --report-only: cannot draw the report of " + runDir + ": " + e);
      return 1;
    }
  }

  /** The process arguments after {@code bench}, for the summary's record of the command. */
  private static List<String> afterBench(List<String> args) {
    int i = args.indexOf("bench");
    return i < 0 ? args : args.subList(i + 1, args.size());
  }

  /** Children run on this JVM's java, class path and flags (the launcher's). */
  private static JavaCommand javaCommand() {
    return new JavaCommand(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        JavaCommand.reusable(ManagementFactory.getRuntimeMXBean().getInputArguments()),
        System.getProperty("java.class.path"),
        Cairn.class.getName());
  }
}
