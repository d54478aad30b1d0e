package io.cairn.server;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
import io.cairn.server.http.AdminToken;
import io.cairn.server.http.ClientConfigRoute;
import io.cairn.server.http.HttpRoutes;
import io.cairn.server.http.ServerMetrics;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Engine, gateway and server on a loopback port chosen by the OS, over a test's data directory. */
final class TestServer implements AutoCloseable {
  static final String HUNT_ID = "harbor-run";

  final Engine engine;
  final Gateway gateway;
  final CairnServer server;
  final LocalClient.Session organiser;
  private final ServerMetrics metrics;

  private TestServer(Engine engine, Gateway gateway, CairnServer server, ServerMetrics metrics) {
    this.engine = engine;
    this.gateway = gateway;
    this.server = server;
    this.metrics = metrics;
    this.organiser = gateway.localClient().open();
  }

  static TestServer start(Path dataDir, Map<String, String> extra) {
    return start(dataDir, extra, null);
  }

  /**
   * As {@link #start(Path, Map)} with the standard HTTP routes (admin API with {@code adminToken},
   * metrics, dashboard streams) and server metrics.
   */
  static TestServer startWithAdmin(Path dataDir, Map<String, String> extra, String adminToken) {
    return start(dataDir, extra, adminToken);
  }

  private static TestServer start(Path dataDir, Map<String, String> extra, String adminToken) {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("host", "127.0.0.1");
    flags.put("data-dir", dataDir.toString());
    flags.put("shards", "2");
    flags.putAll(extra);
    ServerSettings settings = ServerSettings.load(Optional.empty(), Map.of(), flags);
    ServerMetrics metrics = adminToken == null ? null : new ServerMetrics();
    Gateway gateway =
        new Gateway(new LocalClient(), metrics == null ? GatewayMetrics.NONE : metrics);
    Engine engine = Engine.start(EngineConfig.from(settings), gateway, System::currentTimeMillis);
    gateway.attach(engine);
    List<HttpRoute> routes = List.of();
    if (metrics != null) {
      metrics.bind(engine);
      routes =
          HttpRoutes.standard(
              engine,
              () -> true,
              metrics,
              new AdminToken(adminToken, false),
              gateway.localClient().open(),
              new ClientConfigRoute("/tiles/{z}/{x}/{y}.png", "test tiles"),
              gateway.organiserFeed(),
              settings.benchDir());
    }
    CairnServer server =
        CairnServer.start(
            settings.host(), settings.port(), gateway, routes, GatewayLimits.from(settings));
    return new TestServer(engine, gateway, server, metrics);
  }

  static TestServer start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** Loads the test hunt and starts it; tolerates a hunt already there after a restart. */
  TestServer withHunt() throws Exception {
    return withHunt(huntText());
  }

  /** Loads {@code text} as the test hunt and starts it. */
  TestServer withHunt(String text) throws Exception {
    organiser.loadHunt(HUNT_ID, "harbor.hunt.yaml", text).get(5, TimeUnit.SECONDS);
    organiser.lifecycle(HUNT_ID, Op.START).get(5, TimeUnit.SECONDS);
    return this;
  }

  static String huntText() {
    try (InputStream in = TestServer.class.getResourceAsStream("/harbor.hunt.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String httpUrl(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  String url() {
    return "ws://127.0.0.1:" + server.port() + "/ws";
  }

  WsClient connect() throws Exception {
    return WsClient.connect(url());
  }

  @Override
  public void close() {
    server.stopAccepting();
    engine.close();
    server.close();
    if (metrics != null) {
      metrics.close();
    }
  }
}
