package io.cairn.server.http;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;

/** An in-process engine with a LocalClient as its egress, for route tests. */
final class EngineFixture implements AutoCloseable {
  final LocalClient client = new LocalClient();
  final Engine engine;
  final LocalClient.Session organiser;

  EngineFixture(Path dataDir) {
    engine =
        Engine.start(
            EngineConfig.defaults(dataDir).withShards(2), client, SystemEpochClock.INSTANCE);
    client.attach(engine);
    organiser = client.open();
  }

  /** Loads a hunt and waits for the engine's reply. */
  String load(String huntId, int points) throws Exception {
    return organiser
        .loadHunt(huntId, "test.hunt.yaml", TestHunt.yaml(huntId, points))
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    engine.close();
  }
}
