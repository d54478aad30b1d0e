package io.cairn.server;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
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

  private TestServer(Engine engine, Gateway gateway, CairnServer server) {
    this.engine = engine;
    this.gateway = gateway;
    this.server = server;
    this.organiser = gateway.localClient().open();
  }

  static TestServer start(Path dataDir, Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("host", "127.0.0.1");
    flags.put("data-dir", dataDir.toString());
    flags.put("shards", "2");
    flags.putAll(extra);
    ServerSettings settings = ServerSettings.load(Optional.empty(), Map.of(), flags);
    Gateway gateway = new Gateway(new LocalClient());
    Engine engine = Engine.start(EngineConfig.from(settings), gateway, System::currentTimeMillis);
    gateway.attach(engine);
    CairnServer server =
        CairnServer.start(
            settings.host(), settings.port(), gateway, List.of(), GatewayLimits.from(settings));
    return new TestServer(engine, gateway, server);
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
  }
}
