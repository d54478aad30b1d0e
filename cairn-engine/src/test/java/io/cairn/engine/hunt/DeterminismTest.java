package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.RandomInputs;
import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine is a pure function of its commands: the same stream gives the same state and output,
 * replaying what was journaled rebuilds the state, and a snapshot restored mid-way continues
 * exactly as the original did. Each property runs on the same 25 seeds ({@link RandomInputs}), each
 * seeding one random session.
 */
class DeterminismTest {
  record Command(int op, byte[] bytes) {}

  private static final String[] ANSWERS = {
    "fresnel", "lens", "anchor", "high tide", "no", "Fressnel"
  };
  private static final String[] PUZZLES = {"lighthouse", "riddle", "tide", "nope"};
  private static final String[] TREASURES = {"old-anchor", "boathouse", "island"};
  private static final String[] CODES = {"", "ANCHOR-7731", "x"};

  /**
   * A random but reproducible session: a hunt (in rounds opening 2 and 6 minutes after the start,
   * for odd seeds), players, and a mix of every op.
   */
  static List<Command> stream(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    CommandEncoder e = new CommandEncoder();
    List<Command> out = new ArrayList<>();
    long nowMs = Harness.T0;
    int players = 0;
    out.add(
        copy(
            Op.LOAD_HUNT,
            buffer,
            e.wrap(buffer, 0).header(nowMs, 1, 0, -1, -1).loadHunt("t", huntText(seed))));
    for (int i = 1; i < count; i++) {
      nowMs += random.nextInt(4_000) - 500;
      int player = players == 0 ? -1 : random.nextInt(players);
      e.wrap(buffer, 0).header(nowMs, 1 + random.nextInt(3), i, 0, player);
      int roll = random.nextInt(100);
      int length;
      int op;
      if (players == 0 || roll < 8) {
        op = Op.JOIN;
        String team = random.nextBoolean() ? "" : "team" + random.nextInt(6);
        length =
            e.wrap(buffer, 0).header(nowMs, 1, i, -1, -1).join("harbor-run", "p" + i, team, "");
        players++;
      } else if (roll < 30) {
        op = Op.MOVE;
        length =
            e.move(
                59.3251 + random.nextGaussian() * 0.001, 18.0711 + random.nextGaussian() * 0.001);
      } else if (roll < 40) {
        op = Op.SCAN;
        length = e.scan();
      } else if (roll < 60) {
        op = Op.GUESS;
        length =
            e.guess(
                PUZZLES[random.nextInt(PUZZLES.length)], ANSWERS[random.nextInt(ANSWERS.length)]);
      } else if (roll < 72) {
        op = Op.CLAIM;
        length =
            e.claim(
                TREASURES[random.nextInt(TREASURES.length)], CODES[random.nextInt(CODES.length)]);
      } else if (roll < 78) {
        op = Op.HINT;
        length = e.hint(PUZZLES[random.nextInt(PUZZLES.length)]);
      } else if (roll < 84) {
        op = Op.BOARD;
        length = e.board(random.nextInt(12));
      } else if (roll < 88) {
        op = Op.STATE;
        length = e.state();
      } else if (roll < 94) {
        op = Op.TICK;
        length = e.wrap(buffer, 0).header(nowMs, 0, 0, -1, -1).tick();
      } else {
        int[] ops = {Op.START, Op.PAUSE, Op.RESUME, Op.START};
        op = ops[random.nextInt(ops.length)];
        length = e.wrap(buffer, 0).header(nowMs, 1, i, -1, -1).lifecycle("harbor-run");
      }
      out.add(copy(op, buffer, length));
    }
    return out;
  }

  private static String huntText(long seed) {
    TestHunts hunt = TestHunts.hunt().guessesPerMinute(5).decay("linear", 7, 20);
    return (seed % 2 == 1 ? hunt.withRounds("2m", "6m") : hunt).text();
  }

  private static Command copy(int op, ExpandableArrayBuffer buffer, int length) {
    byte[] bytes = new byte[length];
    buffer.getBytes(0, bytes);
    return new Command(op, bytes);
  }

  static ShardState fresh() {
    return new ShardState(new EngineContext(0, Harness.SECRET, new HuntDirectory()));
  }

  /** Applies commands; returns every message written, in order, and collects the journaled ones. */
  static List<String> applyAll(ShardState shard, List<Command> commands, List<Command> journal) {
    Egress egress = new Egress();
    List<String> output = new ArrayList<>();
    for (Command c : commands) {
      if (shard.apply(c.op(), new UnsafeBuffer(c.bytes()), 0, c.bytes().length, egress)) {
        journal.add(c);
      }
      egress.drainTo(
          0,
          (shardIndex, kind, connectionId, hunt, team, player, json, offset, length) ->
              output.add(
                  kind
                      + " "
                      + connectionId
                      + " "
                      + team
                      + " "
                      + player
                      + " "
                      + json.getStringWithoutLengthUtf8(offset, length)));
    }
    return output;
  }

  /** Seeds 1 to 25, one random session each. */
  static LongStream seeds() {
    return RandomInputs.seeds(25);
  }

  @Test
  void theSessionsInRoundsReallyOpenRounds() {
    int opened = 0;
    int inRounds = 0;
    for (long seed : seeds().toArray()) {
      if (seed % 2 == 1) {
        inRounds++;
        List<String> out = applyAll(fresh(), stream(seed, 400), new ArrayList<>());
        opened += out.stream().anyMatch(m -> m.contains("{\"ev\":\"round\"")) ? 1 : 0;
      }
    }
    assertThat(opened)
        .as("sessions of %d in rounds that opened one", inRounds)
        .isGreaterThan(inRounds / 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameStreamGivesIdenticalSnapshotsAndOutput(long seed) {
    List<Command> commands = stream(seed, 400);
    ShardState a = fresh();
    ShardState b = fresh();

    List<String> outA = applyAll(a, commands, new ArrayList<>());
    List<String> outB = applyAll(b, commands, new ArrayList<>());

    assertThat(outB).isEqualTo(outA);
    assertThat(Harness.snapshotOf(b)).isEqualTo(Harness.snapshotOf(a));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void replayingTheJournalRebuildsTheLiveState(long seed) {
    List<Command> commands = stream(seed, 400);
    ShardState live = fresh();
    List<Command> journal = new ArrayList<>();
    applyAll(live, commands, journal);

    ShardState replayed = fresh();
    List<Command> rejournaled = new ArrayList<>();
    applyAll(replayed, journal, rejournaled);

    assertThat(Harness.snapshotOf(replayed)).isEqualTo(Harness.snapshotOf(live));
    assertThat(rejournaled).hasSameSizeAs(journal);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotRestoreThenContinueEqualsContinuingDirectly(long seed) throws IOException {
    List<Command> commands = stream(seed, 600);
    List<Command> before = commands.subList(0, 300);
    List<Command> after = commands.subList(300, commands.size());
    ShardState direct = fresh();
    applyAll(direct, before, new ArrayList<>());
    byte[] snapshot = Harness.snapshotOf(direct);

    ShardState restored =
        ShardState.readSnapshot(
            new DataInputStream(new ByteArrayInputStream(snapshot)),
            new EngineContext(0, Harness.SECRET, new HuntDirectory()));
    assertThat(Harness.snapshotOf(restored)).isEqualTo(snapshot);

    List<String> outDirect = applyAll(direct, after, new ArrayList<>());
    List<String> outRestored = applyAll(restored, after, new ArrayList<>());

    assertThat(Harness.snapshotOf(restored)).isEqualTo(Harness.snapshotOf(direct));
    assertThat(withoutBoardPushes(outRestored))
        .containsExactlyElementsOf(withoutBoardPushes(outDirect));
  }

  /** Board pushes are not state: a restored shard pushes once more on its first tick. */
  private static List<String> withoutBoardPushes(List<String> output) {
    return output.stream().filter(m -> !m.contains("{\"ev\":\"board\"")).toList();
  }
}
