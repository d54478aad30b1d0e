package io.cairn.e2e;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.server.CairnServer;
import io.cairn.server.Gateway;
import io.cairn.server.GatewayLimits;
import io.cairn.server.http.AdminToken;
import io.cairn.server.http.ClientConfigRoute;
import io.cairn.server.http.HttpRoutes;
import io.cairn.server.http.ServerMetrics;
import io.cairn.veltrix.settings.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Cairn server in the test's JVM, wired as {@code cairn serve} wires it (engine, gateway,
 * the standard HTTP routes with the pages of cairn-web), on a free loopback port over a temporary
 * data folder that is deleted on close.
 */
final class InProcessServer implements AutoCloseable {
  private final Path dataDir;
  private final Engine engine;
  private final CairnServer server;
  private final AdminToken adminToken;

  private InProcessServer(Path dataDir, Engine engine, CairnServer server, AdminToken adminToken) {
    this.dataDir = dataDir;
    this.engine = engine;
    this.server = server;
    this.adminToken = adminToken;
  }

  /** Starts a server; {@code settings} are flags over the defaults (e.g. {@code board-tick}). */
  static InProcessServer start(Map<String, String> settings) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("cairn-e2e-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data folder", e);
    }
    Map<String, String> flags = new HashMap<>();
    flags.put("host", "127.0.0.1");
    flags.put("port", "0");
    flags.put("shards", "1");
    flags.put("data-dir", dataDir.toString());
    flags.putAll(settings);
    ServerSettings loaded = ServerSettings.load(Optional.empty(), Map.of(), flags);
    ServerMetrics metrics = new ServerMetrics();
    Gateway gateway = new Gateway(new LocalClient(), metrics);
    Engine engine = Engine.start(EngineConfig.from(loaded), gateway, System::currentTimeMillis);
    gateway.attach(engine);
    metrics.bind(engine);
    AdminToken token = AdminToken.loadOrCreate(loaded.dataDir(), loaded.adminToken());
    CairnServer server =
        CairnServer.start(
            loaded.host(),
            loaded.port(),
            gateway,
            HttpRoutes.standard(
                engine,
                () -> true,
                metrics,
                token,
                gateway.localClient().open(),
                ClientConfigRoute.from(loaded),
                gateway.organiserFeed(),
                loaded.benchDir()),
            GatewayLimits.from(loaded));
    return new InProcessServer(dataDir, engine, server, token);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  String adminToken() {
    return adminToken.token();
  }

  @Override
  public void close() {
    server.stopAccepting();
    engine.close();
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dataDir, e);
    }
  }
}
