package io.cairn.engine.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Compares the skip list with a sorted list after every step of random update sequences. */
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

  @Property(tries = 300)
  void matchesASortedModel(@ForAll("steps") List<Step> steps, @ForAll long seed) {
    Leaderboard board = new Leaderboard(4, seed);
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

  @Property(tries = 20)
  void matchesASortedModelWithIncreasingScoresAtScale(
      @ForAll("increments") List<Integer> increments, @ForAll long seed) {
    Leaderboard board = new Leaderboard(16, seed);
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

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> kind =
        Arbitraries.frequencyOf(
            Tuple.of(90, Arbitraries.just(UPDATE)),
            Tuple.of(9, Arbitraries.just(REMOVE)),
            Tuple.of(1, Arbitraries.just(CLEAR)));
    Arbitrary<Step> step =
        Combinators.combine(
                kind,
                Arbitraries.integers().between(0, 40),
                Arbitraries.longs().between(-3, 25),
                Arbitraries.longs().between(0, 60))
            .as(Step::new);
    return step.list().ofMaxSize(200);
  }

  @Provide
  Arbitrary<List<Integer>> increments() {
    return Arbitraries.integers().between(0, 30).list().ofMinSize(1_000).ofMaxSize(6_000);
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
