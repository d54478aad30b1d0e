package io.cairn.engine.board;

import static io.cairn.engine.RandomInputs.anyLong;
import static io.cairn.engine.RandomInputs.intBetween;
import static io.cairn.engine.RandomInputs.longBetween;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.RandomInputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the skip list with a sorted list after every step of random update sequences (seeds:
 * {@link RandomInputs}).
 */
class LeaderboardPropertyTest {
  private static final int UPDATE = 0;
  private static final int REMOVE = 1;
  private static final int CLEAR = 2;

  record Step(int kind, int teamId, long score, long seq) {}

  record Entry(int teamId, long score, long seq) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong((Entry e) -> -e.score())
          .thenComparingLong(Entry::seq)
          .thenComparingInt(Entry::teamId);

  /** Seeds 1 to 300, one random sequence of updates, removals and clears each. */
  static LongStream stepSeeds() {
    return RandomInputs.seeds(300);
  }

  /** Seeds 1 to 20, one long run of score increments each. */
  static LongStream incrementSeeds() {
    return RandomInputs.seeds(20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("stepSeeds")
  void matchesASortedModel(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Step> steps = steps(random);
    Leaderboard board = new Leaderboard(4, anyLong(random));
    Map<Integer, Entry> model = new HashMap<>();
    for (Step step : steps) {
      switch (step.kind()) {
        case UPDATE -> {
          board.update(step.teamId(), step.score(), step.seq());
          model.put(step.teamId(), new Entry(step.teamId(), step.score(), step.seq()));
        }
        case REMOVE ->
            assertThat(board.remove(step.teamId())).isEqualTo(model.remove(step.teamId()) != null);
        default -> {
          board.clear();
          model.clear();
        }
      }

      board.checkStructure();
      assertMatches(board, model);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("incrementSeeds")
  void matchesASortedModelWithIncreasingScoresAtScale(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> increments = increments(random);
    Leaderboard board = new Leaderboard(16, anyLong(random));
    Map<Integer, Entry> model = new HashMap<>();
    long seq = 0;
    for (int increment : increments) {
      int teamId = Math.floorMod(seq * 7919, 2_000);
      Entry old = model.get(teamId);
      long score = (old == null ? 0 : old.score()) + increment;
      seq++;
      board.update(teamId, score, seq);
      model.put(teamId, new Entry(teamId, score, seq));
    }

    board.checkStructure();
    assertMatches(board, model);
  }

  /**
   * Up to 200 steps, 90% updates, 9% removals and 1% clears, of teams 0 to 40 with scores -3 to 25
   * and sequence numbers 0 to 60, so that teams, scores and sequence numbers collide often.
   */
  private static List<Step> steps(SplittableRandom random) {
    int size = intBetween(random, 0, 200);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int roll = random.nextInt(100);
      int kind = roll < 90 ? UPDATE : roll < 99 ? REMOVE : CLEAR;
      steps.add(
          new Step(
              kind,
              intBetween(random, 0, 40),
              longBetween(random, -3, 25),
              longBetween(random, 0, 60)));
    }
    return steps;
  }

  /** 1,000 to 6,000 score increments of 0 to 30 points. */
  private static List<Integer> increments(SplittableRandom random) {
    int size = intBetween(random, 1_000, 6_000);
    List<Integer> increments = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      increments.add(intBetween(random, 0, 30));
    }
    return increments;
  }

  private static void assertMatches(Leaderboard board, Map<Integer, Entry> model) {
    List<Entry> sorted = new ArrayList<>(model.values());
    sorted.sort(ORDER);
    assertThat(board.size()).isEqualTo(sorted.size());
    int n = sorted.size() + 2;
    int[] teams = new int[n];
    long[] scores = new long[n];
    int[] ranks = new int[n];
    assertThat(board.top(n, teams, scores, ranks)).isEqualTo(sorted.size());
    int higher = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      if (i > 0 && sorted.get(i - 1).score() != e.score()) {
        higher = i;
      }
      assertThat(teams[i]).as("team at %d", i).isEqualTo(e.teamId());
      assertThat(scores[i]).isEqualTo(e.score());
      assertThat(ranks[i]).isEqualTo(higher + 1);
      assertThat(board.rank(e.teamId())).isEqualTo(higher + 1);
      assertThat(board.score(e.teamId())).isEqualTo(e.score());
      assertThat(board.contains(e.teamId())).isTrue();
    }
    int top3 = Math.min(3, sorted.size());
    assertThat(board.top(3, teams, scores, ranks)).isEqualTo(top3);
  }
}
