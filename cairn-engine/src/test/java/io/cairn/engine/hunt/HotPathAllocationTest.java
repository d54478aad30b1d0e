package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import java.lang.management.ManagementFactory;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing in steady state: measured with the JVM's per-thread allocation
 * counter over thousands of commands of every hot op.
 */
class HotPathAllocationTest {
  private static final int PLAYERS = 200;

  @Test
  void appliesHotOpsWithoutAllocating() {
    assertNoAllocation(TestHunts.hunt().guessesPerMinute(1_000_000).claimsPerMinute(1_000_000));
  }

  /** The same ops where the hint and claim hit items of rounds not open (the LOCKED replies). */
  @Test
  void appliesHotOpsOfAHuntInRoundsWithoutAllocating() {
    assertNoAllocation(
        TestHunts.hunt().guessesPerMinute(1_000_000).claimsPerMinute(1_000_000).withRounds());
  }

  private static void assertNoAllocation(TestHunts hunt) {
    Harness h = new Harness();
    h.load(hunt.text());
    h.start();
    for (int i = 0; i < PLAYERS; i++) {
      int p = h.player("p" + i, i % 2 == 0 ? "" : "team" + (i / 2 % 40));
      h.move(p, TestHunts.ANCHOR_LAT, TestHunts.ANCHOR_LON);
    }
    ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    int[] ops = {
      Op.MOVE, Op.SCAN, Op.GUESS, Op.CLAIM, Op.HINT, Op.BOARD, Op.STATE, Op.PING, Op.TICK
    };
    int[] offsets = new int[ops.length];
    int[] lengths = new int[ops.length];
    CommandEncoder e = new CommandEncoder();
    int at = 0;
    for (int i = 0; i < ops.length; i++) {
      offsets[i] = at;
      e.wrap(buffer, at).header(Harness.T0 + 1_000, 1L, i, 0, 1);
      lengths[i] =
          switch (ops[i]) {
            case Op.MOVE -> e.move(TestHunts.ANCHOR_LAT, TestHunts.ANCHOR_LON);
            case Op.SCAN -> e.scan();
            case Op.GUESS -> e.guess("lighthouse", "Not The Answer");
            case Op.CLAIM -> e.claim("island", "");
            case Op.HINT -> e.hint("tide");
            case Op.BOARD -> e.board(10);
            case Op.STATE -> e.state();
            case Op.PING -> e.ping();
            default -> e.tick();
          };
      at += lengths[i];
    }
    ShardState shard = h.shard;
    Egress egress = new Egress();
    for (int round = 0; round < 20_000; round++) {
      int i = round % ops.length;
      shard.apply(ops[i], buffer, offsets[i], lengths[i], egress);
      egress.clear();
    }

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    int commands = 50_000;
    for (int round = 0; round < commands; round++) {
      int i = round % ops.length;
      shard.apply(ops[i], buffer, offsets[i], lengths[i], egress);
      egress.clear();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated / (double) commands).isLessThan(1.0);
  }
}
