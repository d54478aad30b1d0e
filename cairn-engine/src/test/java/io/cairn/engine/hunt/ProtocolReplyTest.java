package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

class ProtocolReplyTest {
  private final Egress egress = new Egress();
  private final ShardState shard =
      new ShardState(new EngineContext(0, Harness.SECRET, new HuntDirectory()));
  private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
  private final CommandEncoder encoder = new CommandEncoder();

  @Test
  void answersPingWithAnEmptyOkReply() {
    int length = encoder.wrap(buffer, 0).header(Harness.T0, 9L, 41L, -1, -1).ping();

    assertThat(shard.apply(Op.PING, buffer, 0, length, egress)).isFalse();
    assertThat(egress.count()).isEqualTo(1);
    assertThat(egress.messageText(0)).isEqualTo("{\"re\":41,\"ok\":true}");
    assertThat(egress.connectionId(0)).isEqualTo(9L);
  }

  @Test
  void writesErrorsInTheProtocolShape() {
    int length = encoder.wrap(buffer, 0).header(Harness.T0, 9L, 42L, 0, 0).state();

    shard.apply(Op.STATE, buffer, 0, length, egress);

    assertThat(egress.messageText(0))
        .isEqualTo(
            "{\"re\":42,\"ok\":false,\"error\":{\"code\":\"NOT_JOINED\",\"message\":\"join a hunt first\"}}");
  }

  @Test
  void sendsNoReplyWhenTheCommandWantsNone() {
    int length = encoder.wrap(buffer, 0).header(Harness.T0, 0L, 42L, 0, 0).state();

    shard.apply(Op.STATE, buffer, 0, length, egress);

    assertThat(egress.isEmpty()).isTrue();
  }

  @Test
  void answersMalformedCommandsWithBadRequest() {
    int length = encoder.wrap(buffer, 0).header(Harness.T0, 9L, 43L, 0, 0).move(1.0, 2.0);

    assertThat(shard.apply(Op.MOVE, buffer, 0, length - 4, egress)).isFalse();
    assertThat(egress.messageText(0)).contains("\"re\":43", "BAD_REQUEST");
  }

  @Test
  void answersUnknownOpsWithUnknownOp() {
    int length = encoder.wrap(buffer, 0).header(Harness.T0, 9L, 44L, 0, 0).ping();

    assertThat(shard.apply(77, buffer, 0, length, egress)).isFalse();
    assertThat(egress.messageText(0)).contains("\"re\":44", "UNKNOWN_OP");
  }

  @Test
  void ignoresACommandTooShortToCarryAHeader() {
    assertThat(shard.apply(Op.PING, buffer, 0, 10, egress)).isFalse();
    assertThat(egress.isEmpty()).isTrue();
  }

  @Test
  void refusesPlayerOpsFromPlayersThatDidNotJoin() {
    Harness h = new Harness();
    h.load(TestHunts.hunt().text());
    h.player("Ada", "");

    assertThat(h.state(5).error()).isEqualTo("NOT_JOINED");
    assertThat(h.move(-1, 1, 1).error()).isEqualTo("NOT_JOINED");
    h.huntNumber = 3;
    assertThat(h.scan(0).error()).isEqualTo("NOT_JOINED");
    assertThat(h.guess(0, "tide", "x").error()).isEqualTo("NOT_JOINED");
    assertThat(h.claim(0, "island", "").error()).isEqualTo("NOT_JOINED");
    assertThat(h.hint(0, "tide").error()).isEqualTo("NOT_JOINED");
    assertThat(h.board(0, 0).error()).isEqualTo("NOT_JOINED");
  }
}
