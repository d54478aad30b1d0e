package io.cairn.load;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * async-profiler attached to a server child over the measured part of a run ({@code cairn bench
 * --profile EVENT}): the bundled {@code libasyncProfiler.so} is extracted to the run directory and
 * loaded into the server through the JDK attach API at the start of the window, and at its end the
 * profiler stops and writes a flame graph ({@code TARGET-flame-EVENT.html}) and the same samples as
 * collapsed stacks ({@code .txt}, one stack a line, to grep). Attaching from outside keeps the
 * profiler out of the server's own launcher and out of the warmup. Any failure is recorded, never
 * thrown: a run without its profile still measured what it measured.
 */
final class ServerProfile {
  /** The events {@code profile} accepts, as async-profiler names them. */
  static final List<String> EVENTS = List.of("cpu", "alloc", "wall", "lock", "itimer");

  /**
   * JVM flags of a server that will be profiled: no warning for the agent loaded at run time, and
   * debug information at every instruction, so inlined frames are attributed where they ran.
   */
  static final List<String> SERVER_FLAGS =
      List.of(
          "-XX:+EnableDynamicAgentLoading",
          "-XX:+UnlockDiagnosticVMOptions",
          "-XX:+DebugNonSafepoints");

  /**
   * Bytes between two allocation samples: async-profiler's 512 KiB default gives a few samples a
   * second at the server's allocation rate, too few for a flame graph of a short run.
   */
  private static final String ALLOC_INTERVAL = "16k";

  private static final String LIBRARY_RESOURCE = "/linux-x64/libasyncProfiler.so";

  private final String event;
  private final long pid;
  private final Path library;
  private final Path html;
  private final Path collapsed;
  private final Path profilerLog;

  /** Why there is no profile, or null while there may be one. */
  private String failure;

  private boolean running;

  private ServerProfile(
      String event, long pid, Path library, Path html, Path collapsed, Path profilerLog) {
    this.event = event;
    this.pid = pid;
    this.library = library;
    this.html = html;
    this.collapsed = collapsed;
    this.profilerLog = profilerLog;
  }

  /**
   * Starts profiling the server process {@code pid} with {@code event}; the files are named after
   * {@code target} in {@code outDir}. The result says why when it could not start.
   */
  static ServerProfile start(
      String event, long pid, String target, Path runDir, Path outDir, BenchRun.Log log) {
    Path out = outDir.toAbsolutePath();
    ServerProfile p =
        new ServerProfile(
            event,
            pid,
            runDir.toAbsolutePath().resolve("libasyncProfiler.so"),
            out.resolve(target + "-flame-" + event + ".html"),
            out.resolve(target + "-flame-" + event + ".txt"),
            out.resolve(target + "-profiler.log"));
    p.failure = unsupportedReason(pid);
    if (p.failure == null) {
      p.failure = p.extractLibrary();
    }
    if (p.failure == null) {
      p.failure =
          p.command(
              "start,event="
                  + event
                  + (event.equals("alloc") ? ",alloc=" + ALLOC_INTERVAL : "")
                  + ",log="
                  + p.profilerLog);
    }
    p.running = p.failure == null;
    log.line(
        p.running
            ? "profiling the server (pid "
                + pid
                + ", event "
                + event
                + ") until the end of the"
                + " measured part"
            : "cannot profile the server, the run goes on without a profile: " + p.failure);
    return p;
  }

  /** Stops the profiler and writes the flame graph and the collapsed stacks; at most once. */
  void stop(BenchRun.Log log) {
    if (!running) {
      return;
    }
    running = false;
    failure = command("stop,flamegraph,file=" + html);
    if (failure == null) {
      failure = command("dump,collapsed,file=" + collapsed);
    }
    try {
      Files.deleteIfExists(library); // the server keeps its mapping; the run directory stays small
    } catch (IOException e) {
      // a library left behind is harmless
    }
    log.line(
        failure == null
            ? "flame graph of the server: " + html
            : "the server's profile could not be written: " + failure);
  }

  /** The {@code profile} object of the summary: what was taken, where, and how. */
  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", event);
    m.put("taken", failure == null && Files.isRegularFile(html));
    if (failure != null) {
      m.put("reason", failure);
    } else {
      m.put("flameGraph", html.toString());
      m.put("collapsedStacks", collapsed.toString());
      long samples = 0;
      boolean kernelFrames = false;
      try (Stream<String> lines = Files.lines(collapsed, StandardCharsets.UTF_8)) {
        for (String line : (Iterable<String>) lines::iterator) {
          samples += count(line);
          kernelFrames |= line.contains("_[k]");
        }
        m.put("samples", samples);
        m.put("kernelFrames", kernelFrames);
      } catch (IOException | UncheckedIOException e) {
        m.put("samples", "unreadable: " + e.getMessage());
      }
    }
    int paranoid = perfEventParanoid();
    m.put("perfEventParanoid", paranoid == Integer.MIN_VALUE ? "unknown" : paranoid);
    m.put("root", root());
    m.put("kernelFramesNote", kernelNote(event));
    List<String> messages = profilerMessages();
    if (!messages.isEmpty()) {
      m.put("profilerMessages", messages);
    }
    m.put("profilerLog", profilerLog.toString());
    return m;
  }

  /** The line of the human table. */
  static String tableLine(Map<?, ?> profile) {
    if (!Boolean.TRUE.equals(profile.get("taken"))) {
      return "profile (" + profile.get("event") + "): not taken, " + profile.get("reason");
    }
    String line =
        "profile ("
            + profile.get("event")
            + "): flame graph "
            + profile.get("flameGraph")
            + ", collapsed stacks "
            + profile.get("collapsedStacks")
            + ", "
            + profile.get("samples")
            + " samples";
    if (!"cpu".equals(profile.get("event"))) {
      return line;
    }
    return line
        + (Boolean.TRUE.equals(profile.get("kernelFrames"))
            ? "; kernel frames included"
            : "; no kernel frames (" + profile.get("kernelFramesNote") + ")");
  }

  /** The sample count at the end of a collapsed-stacks line, 0 when there is none. */
  static long count(String line) {
    int space = line.lastIndexOf(' ');
    try {
      return space < 0 ? 0 : Long.parseLong(line.substring(space + 1).trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String unsupportedReason(long pid) {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "");
    if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return "the bundled async-profiler is for Linux x64 and this is "
          + os
          + " "
          + arch
          + "; profile with JFR instead: --param server-java-opts=-XX:StartFlightRecording=...";
    }
    if (pid <= 0) {
      return "the server is not a process this bench started";
    }
    if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
      return "this Java runtime has no jdk.attach module (a JRE or a trimmed image); run cairn"
          + " bench on a full JDK 25";
    }
    return null;
  }

  private String extractLibrary() {
    try (InputStream in = ServerProfile.class.getResourceAsStream(LIBRARY_RESOURCE)) {
      if (in == null) {
        return LIBRARY_RESOURCE
            + " is not on the class path (the async-profiler linux-x64 jar); rebuild Cairn";
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      return null;
    } catch (IOException e) {
      return "cannot extract async-profiler to " + library + ": " + e;
    }
  }

  /** Runs one async-profiler command in the server; null when it succeeded, else why not. */
  private String command(String arguments) {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        vm.loadAgentPath(library.toString(), arguments);
        return null;
      } finally {
        vm.detach();
      }
    } catch (AttachNotSupportedException | IOException e) {
      return "cannot attach to the server (pid " + pid + "): " + e.getMessage();
    } catch (AgentLoadException | AgentInitializationException e) {
      List<String> messages = profilerMessages();
      return "async-profiler refused '"
          + arguments
          + "': "
          + e.getMessage()
          + (messages.isEmpty() ? "" : " " + messages);
    }
  }

  /** The warnings and errors async-profiler logged (fallbacks, missing permissions). */
  private List<String> profilerMessages() {
    List<String> messages = new ArrayList<>();
    try {
      if (Files.isRegularFile(profilerLog)) {
        for (String line : Files.readAllLines(profilerLog, StandardCharsets.UTF_8)) {
          if (line.contains("[WARN]") || line.contains("[ERROR]")) {
            messages.add(line.strip());
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      messages.add("(profiler log unreadable: " + e.getMessage() + ")");
    }
    return messages;
  }

  private static String kernelNote(String event) {
    if (!event.equals("cpu")) {
      return "only the cpu event (perf_events) records kernel frames";
    }
    int paranoid = perfEventParanoid();
    if (root()) {
      return "running as root: perf_events can record kernel frames";
    }
    if (paranoid >= 2 || paranoid == Integer.MIN_VALUE) {
      return "not root and kernel.perf_event_paranoid="
          + (paranoid == Integer.MIN_VALUE ? "unknown" : paranoid)
          + ": user-space frames only (sysctl kernel.perf_event_paranoid=1 adds kernel frames)";
    }
    return "kernel.perf_event_paranoid=" + paranoid + ": perf_events can record kernel frames";
  }

  /** The kernel's perf_event_paranoid level, or {@code Integer.MIN_VALUE} when unreadable. */
  private static int perfEventParanoid() {
    try {
      return Integer.parseInt(
          Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid")).trim());
    } catch (IOException | NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  private static boolean root() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }
}
