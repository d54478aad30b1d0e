package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.LocalClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {
  private static final GatewayLimits LIMITS =
      new GatewayLimits(4096, 100, 64 * 1024, 256 * 1024, 50, 60_000_000_000L);
  private final Gateway gateway = new Gateway(new LocalClient());

  private PlayerFrameHandler handler() {
    return new PlayerFrameHandler(gateway, LIMITS);
  }

  @Test
  void findsARegisteredConnectionByItsIdAndNothingBelowTheFirstId() {
    ConnectionTable table = new ConnectionTable(Gateway.FIRST_CONNECTION_ID, 4);
    PlayerFrameHandler a = handler();
    long id = table.register(a);
    assertThat(id).isGreaterThanOrEqualTo(Gateway.FIRST_CONNECTION_ID);
    assertThat(a.connectionId()).isEqualTo(id);
    assertThat(table.find(id)).isSameAs(a);
    assertThat(table.find(5)).isNull();
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void aStaleIdFindsNothingOnceItsSlotIsReused() {
    ConnectionTable table = new ConnectionTable(Gateway.FIRST_CONNECTION_ID, 4);
    long old = table.register(handler());
    table.unregister(old);
    PlayerFrameHandler next = handler();
    long reused = table.register(next);
    assertThat(reused).isNotEqualTo(old);
    assertThat(table.find(old)).isNull();
    assertThat(table.find(reused)).isSameAs(next);
    table.unregister(old);
    assertThat(table.find(reused)).as("a stale unregister leaves the new owner").isSameAs(next);
  }

  @Test
  void growsPastItsInitialSlotsKeepingEveryConnection() {
    ConnectionTable table = new ConnectionTable(Gateway.FIRST_CONNECTION_ID, 2);
    List<PlayerFrameHandler> handlers = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      PlayerFrameHandler h = handler();
      handlers.add(h);
      ids.add(table.register(h));
    }
    assertThat(ids).hasSize(100);
    for (PlayerFrameHandler h : handlers) {
      assertThat(table.find(h.connectionId())).isSameAs(h);
    }
    for (PlayerFrameHandler h : handlers) {
      table.unregister(h.connectionId());
    }
    assertThat(table.size()).isZero();
  }
}
