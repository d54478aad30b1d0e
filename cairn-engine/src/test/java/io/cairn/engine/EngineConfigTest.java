package io.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.journal.FsyncPolicy;
import io.cairn.veltrix.settings.ServerSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineConfigTest {
  @Test
  void takesTheEngineSettingsFromTheEffectiveServerSettings() {
    ServerSettings settings =
        ServerSettings.load(
            Optional.empty(),
            Map.of("CAIRN_FSYNC", "interval", "CAIRN_BOARD_TICK", "100ms"),
            Map.of("shards", "3", "data-dir", "/tmp/cairn-x"));
    EngineConfig config = EngineConfig.from(settings);
    assertThat(config.shards()).isEqualTo(3);
    assertThat(config.fsync()).isEqualTo(FsyncPolicy.INTERVAL);
    assertThat(config.boardTickNs()).isEqualTo(100_000_000L);
    assertThat(config.dataDir().toString()).isEqualTo("/tmp/cairn-x");
    assertThat(config.shardQueueBytes()).isEqualTo(settings.shardQueueBytes());
  }
}
