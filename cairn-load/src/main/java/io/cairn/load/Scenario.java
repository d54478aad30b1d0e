package io.cairn.load;

import io.cairn.veltrix.Durations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A load test setting: who plays, how much, for how long. Read from flat {@code key: value} lines
 * (a flat YAML file, also a Java properties file) and {@code key=value} overrides; every key has a
 * default ({@link #DEFAULTS}), so an empty scenario is a valid one. The same text is handed to the
 * worker processes, so they run exactly what the coordinator was given.
 *
 * @param target {@code cairn}, {@code echo}, or {@code both} (echo first, then cairn, same load)
 * @param url WebSocket URL of a running target, or empty to start one
 * @param adminToken the admin token of a running Cairn server (to load and start the bench hunt)
 * @param players simulated players, one connection each
 * @param rate offered requests per second over all players (open loop)
 * @param rampUpMs time over which the players connect and join
 * @param warmupMs load before the measured part (not recorded)
 * @param durationMs measured part
 * @param drainMs how long to wait for replies still due after the last send
 * @param mix weight of each op
 * @param seed fixes every player's schedule and choices
 * @param playersPerWorker most connections one client process holds (20,000 open files each)
 * @param clientThreads event loop threads per client process
 * @param serverHeap heap of a started server, as the launcher's {@code heap} setting
 * @param fsync journal fsync policy of a started server
 * @param serverJavaOpts extra JVM flags of a started server (a flight recording, GC logging)
 * @param serverSet settings of a started server, {@code KEY=VALUE} each (its {@code --set} flags)
 * @param idleConnections when not empty: the idle-memory mode, one step per count
 * @param profile an async-profiler event ({@link ServerProfile#EVENTS}) to profile a started server
 *     with over the measured part, or empty for none
 * @param out directory of the summary JSON and the histogram log
 */
public record Scenario(
    String target,
    String url,
    String adminToken,
    int players,
    double rate,
    long rampUpMs,
    long warmupMs,
    long durationMs,
    long drainMs,
    Map<Op, Double> mix,
    long seed,
    int playersPerWorker,
    int clientThreads,
    String serverHeap,
    String fsync,
    List<String> serverJavaOpts,
    List<String> serverSet,
    List<Integer> idleConnections,
    String profile,
    Path out) {

  /** Every key with its default, in the order {@code cairn bench --help} documents them. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("target", "cairn");
    d.put("url", "");
    d.put("admin-token", "");
    d.put("players", "1000");
    d.put("think-time", "500ms");
    d.put("rate", "");
    d.put("ramp-up", "10s");
    d.put("warmup", "5s");
    d.put("duration", "30s");
    d.put("drain", "5s");
    d.put("mix", "move=40,scan=25,guess-wrong=24,board=11,guess-right=0.005,claim=0.005");
    d.put("seed", "1");
    d.put("players-per-worker", "9000");
    d.put("client-threads", "1");
    d.put("server-heap", "1g");
    d.put("fsync", "always");
    d.put("server-java-opts", "");
    d.put("server-set", "");
    d.put("idle-connections", "");
    d.put("profile", "");
    d.put("out", "bench-out");
    return Collections.unmodifiableMap(d);
  }

  /** Reads a scenario file's keys (flat {@code key: value} lines, {@code #} comments). */
  public static Map<String, String> readFile(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      values.put(key, unquote(p.getProperty(key).trim()));
    }
    return values;
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /**
   * The scenario of {@code values} over the defaults.
   *
   * @throws IllegalArgumentException naming the key and what it expects
   */
  public static Scenario of(Map<String, String> values) {
    Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown scenario key '" + e.getKey() + "'; known keys: " + DEFAULTS.keySet());
      }
      v.put(e.getKey(), e.getValue().trim());
    }
    String target = v.get("target").toLowerCase(Locale.ROOT);
    if (!Set.of("cairn", "echo", "both").contains(target)) {
      throw bad("target", "cairn, echo or both", v.get("target"));
    }
    String url = v.get("url");
    if (!url.isEmpty() && !loopbackWebSocket(url)) {
      throw bad("url", "a ws:// URL on a loopback address such as ws://127.0.0.1:8080/ws", url);
    }
    int players = intIn(v, "players", 1, 1_000_000);
    long thinkMs = durationMs(v, "think-time", 1);
    double rate;
    if (v.get("rate").isEmpty()) {
      rate = players * 1000.0 / thinkMs;
    } else {
      try {
        rate = Double.parseDouble(v.get("rate"));
      } catch (NumberFormatException e) {
        throw bad("rate", "requests per second, a number > 0", v.get("rate"));
      }
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw bad("rate", "requests per second, a number > 0", v.get("rate"));
      }
    }
    if (!v.get("server-heap").matches("[1-9][0-9]*[kmgKMG]?")) {
      throw bad("server-heap", "a JVM heap size such as 1g or 512m", v.get("server-heap"));
    }
    String fsync = v.get("fsync");
    if (!Set.of("always", "interval", "never").contains(fsync)) {
      throw bad("fsync", "always, interval or never", fsync);
    }
    String profile = v.get("profile").toLowerCase(Locale.ROOT);
    if (!profile.isEmpty() && !ServerProfile.EVENTS.contains(profile)) {
      throw bad(
          "profile", String.join(", ", ServerProfile.EVENTS) + " (or empty for none)", profile);
    }
    if (!profile.isEmpty() && !url.isEmpty()) {
      throw new IllegalArgumentException(
          "profile (--profile) needs a server this bench starts, and url (--url) names one it did"
              + " not start; drop --url to profile a server the bench starts, or attach"
              + " async-profiler to that server yourself: asprof -e "
              + profile
              + " -d 30 -f flame.html PID");
    }
    if (!profile.isEmpty() && !v.get("idle-connections").isBlank()) {
      throw new IllegalArgumentException(
          "profile (--profile) is for load runs; the idle-memory mode (--idle) sends no load to"
              + " profile: drop one of them");
    }
    long seed;
    try {
      seed = Long.parseLong(v.get("seed"));
    } catch (NumberFormatException e) {
      throw bad("seed", "a whole number", v.get("seed"));
    }
    return new Scenario(
        target,
        url,
        v.get("admin-token"),
        players,
        rate,
        durationMs(v, "ramp-up", 0),
        durationMs(v, "warmup", 0),
        durationMs(v, "duration", 1),
        durationMs(v, "drain", 0),
        parseMix(v.get("mix")),
        seed,
        intIn(v, "players-per-worker", 1, 18_000),
        intIn(v, "client-threads", 1, 64),
        v.get("server-heap"),
        fsync,
        v.get("server-java-opts").isBlank()
            ? List.of()
            : List.of(v.get("server-java-opts").trim().split("\\s+")),
        parseSettings(v.get("server-set")),
        parseCounts(v.get("idle-connections")),
        profile,
        Path.of(v.get("out")));
  }

  /** The keys that reproduce this scenario, for the worker processes and the summary. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("target", target);
    m.put("url", url);
    m.put("admin-token", adminToken);
    m.put("players", Integer.toString(players));
    m.put("rate", Double.toString(rate));
    m.put("ramp-up", Durations.format(rampUpMs));
    m.put("warmup", Durations.format(warmupMs));
    m.put("duration", Durations.format(durationMs));
    m.put("drain", Durations.format(drainMs));
    StringBuilder mixText = new StringBuilder();
    for (Map.Entry<Op, Double> e : mix.entrySet()) {
      mixText.append(mixText.isEmpty() ? "" : ",").append(e.getKey().key()).append('=');
      mixText.append(e.getValue());
    }
    m.put("mix", mixText.toString());
    m.put("seed", Long.toString(seed));
    m.put("players-per-worker", Integer.toString(playersPerWorker));
    m.put("client-threads", Integer.toString(clientThreads));
    m.put("server-heap", serverHeap);
    m.put("fsync", fsync);
    m.put("server-java-opts", String.join(" ", serverJavaOpts));
    m.put("server-set", String.join(",", serverSet));
    StringBuilder idle = new StringBuilder();
    for (int n : idleConnections) {
      idle.append(idle.isEmpty() ? "" : ",").append(n);
    }
    m.put("idle-connections", idle.toString());
    m.put("profile", profile);
    m.put("out", out.toString());
    return m;
  }

  /** True for {@code target: echo}. */
  public boolean echo() {
    return target.equals("echo");
  }

  /** This scenario against one target: {@code cairn} or {@code echo}. */
  public Scenario withTarget(String oneTarget) {
    Map<String, String> m = toMap();
    m.put("target", oneTarget);
    return of(m);
  }

  /** Client processes needed for {@code players} connections. */
  public int workers(int connections) {
    return (connections + playersPerWorker - 1) / playersPerWorker;
  }

  /** The clients bind loopback source addresses, so the target must be on loopback too. */
  private static boolean loopbackWebSocket(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      return "ws".equals(uri.getScheme())
          && uri.getHost() != null
          && uri.getPort() > 0
          && java.net.InetAddress.getByName(uri.getHost()).isLoopbackAddress();
    } catch (java.net.URISyntaxException | java.net.UnknownHostException e) {
      return false;
    }
  }

  static Map<Op, Double> parseMix(String text) {
    Map<Op, Double> mix = new EnumMap<>(Op.class);
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      Op op = eq < 0 ? null : Op.byKey(p.substring(0, eq).trim());
      if (op == null) {
        throw bad("mix", "op=weight pairs of " + opKeys(), p);
      }
      double w;
      try {
        w = Double.parseDouble(p.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw bad("mix", "a weight >= 0 after " + op.key() + "=", p);
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw bad("mix", "a weight >= 0 after " + op.key() + "=", p);
      }
      mix.put(op, w);
    }
    double total = 0;
    for (double w : mix.values()) {
      total += w;
    }
    if (!(total > 0)) {
      throw bad("mix", "at least one op with a weight > 0", text);
    }
    return mix;
  }

  private static String opKeys() {
    List<String> keys = new ArrayList<>();
    for (Op op : Op.values()) {
      keys.add(op.key());
    }
    return String.join(", ", keys);
  }

  private static List<String> parseSettings(String text) {
    List<String> settings = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.indexOf('=') < 1) {
        throw bad("server-set", "server settings KEY=VALUE separated by commas", text);
      }
      settings.add(p);
    }
    return List.copyOf(settings);
  }

  private static List<Integer> parseCounts(String text) {
    List<Integer> counts = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        int n = Integer.parseInt(part.trim());
        if (n < 1 || n > 1_000_000) {
          throw new NumberFormatException();
        }
        counts.add(n);
      } catch (NumberFormatException e) {
        throw bad("idle-connections", "connection counts >= 1 separated by commas", text);
      }
    }
    return List.copyOf(counts);
  }

  private static int intIn(Map<String, String> v, String key, int min, int max) {
    try {
      int n = Integer.parseInt(v.get(key));
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(key, "a whole number from " + min + " to " + max, v.get(key));
  }

  private static long durationMs(Map<String, String> v, String key, long minMs) {
    long ms = Durations.parseMs(v.get(key));
    if (ms < minMs) {
      throw bad(key, Durations.EXPECTED + (minMs > 0 ? " (more than zero)" : ""), v.get(key));
    }
    return ms;
  }

  private static IllegalArgumentException bad(String key, String expected, String found) {
    return new IllegalArgumentException(
        "scenario key '" + key + "': expected " + expected + ", got '" + found + "'");
  }
}
