package io.cairn.engine.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressTest {
  record Message(
      int kind, long connectionId, int huntNumber, int teamIdx, int playerIdx, String json) {}

  @Test
  void drainsMessagesInOrderWithTheirRoutingThenClears() {
    Egress egress = new Egress(8, 1);
    egress.begin(EgressHandler.REPLY, 11L, 0, 2, 3).startObject().field("re", 1).endObject();
    egress.commit();
    egress
        .begin(EgressHandler.HUNT_EVENT, 0L, 0, -1, -1)
        .startObject()
        .field("ev", "x")
        .endObject();
    egress.commit();
    egress.begin(EgressHandler.TEAM_EVENT, 0L, 1, 5, -1).startObject().field("ev", "ü").endObject();
    egress.commit();

    assertThat(egress.count()).isEqualTo(3);
    List<Message> seen = new ArrayList<>();
    egress.drainTo(
        0,
        (shard, kind, connectionId, huntNumber, teamIdx, playerIdx, json, offset, length) ->
            seen.add(
                new Message(
                    kind,
                    connectionId,
                    huntNumber,
                    teamIdx,
                    playerIdx,
                    json.getStringWithoutLengthUtf8(offset, length))));

    assertThat(seen)
        .containsExactly(
            new Message(EgressHandler.REPLY, 11L, 0, 2, 3, "{\"re\":1}"),
            new Message(EgressHandler.HUNT_EVENT, 0L, 0, -1, -1, "{\"ev\":\"x\"}"),
            new Message(EgressHandler.TEAM_EVENT, 0L, 1, 5, -1, "{\"ev\":\"ü\"}"));
    assertThat(egress.isEmpty()).isTrue();
  }

  @Test
  void forgetsAnAbortedMessage() {
    Egress egress = new Egress();
    egress.begin(EgressHandler.REPLY, 1L, 0, 0, 0).startObject().field("re", 1);
    egress.abort();
    egress.begin(EgressHandler.REPLY, 1L, 0, 0, 0).startObject().field("re", 2).endObject();
    egress.commit();

    assertThat(egress.count()).isEqualTo(1);
    assertThat(egress.messageText(0)).isEqualTo("{\"re\":2}");
  }

  @Test
  void clearDropsPendingMessages() {
    Egress egress = new Egress();
    egress.begin(EgressHandler.REPLY, 1L, 0, 0, 0).startObject().endObject();
    egress.commit();
    egress.clear();

    assertThat(egress.isEmpty()).isTrue();
    assertThat(egress.count()).isZero();
  }
}
