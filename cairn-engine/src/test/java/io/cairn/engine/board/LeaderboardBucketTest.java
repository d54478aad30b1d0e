package io.cairn.engine.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The score buckets: tie order inside a bucket, buckets opening and closing, no allocation. */
class LeaderboardBucketTest {
  private final int[] teams = new int[64];
  private final long[] scores = new long[64];
  private final int[] ranks = new int[64];

  record Entry(int teamId, long score, long seq) {}

  @Test
  void rebuildInTeamIdOrderWithShuffledSeqsGivesTheBoardOrder() {
    int n = 5_000;
    List<Long> seqs = new ArrayList<>();
    for (long seq = 1; seq <= n; seq++) {
      seqs.add(seq);
    }
    Collections.shuffle(seqs, new Random(11));
    Leaderboard board = new Leaderboard(16, 3);
    List<Entry> model = new ArrayList<>();
    for (int team = 0; team < n; team++) {
      long score = 10L * (team % 3);
      board.update(team, score, seqs.get(team));
      model.add(new Entry(team, score, seqs.get(team)));
    }
    board.checkStructure();
    model.sort(
        Comparator.comparingLong((Entry e) -> -e.score())
            .thenComparingLong(Entry::seq)
            .thenComparingInt(Entry::teamId));

    int[] allTeams = new int[n];
    int[] allRanks = new int[n];
    assertThat(board.top(n, allTeams, new long[n], allRanks)).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(allTeams[i]).as("team at %d", i).isEqualTo(model.get(i).teamId());
    }
    assertThat(allRanks[0]).isEqualTo(1);
    int scoredZero = (n + 2) / 3;
    assertThat(board.rank(model.get(n - 1).teamId())).isEqualTo(n - scoredZero + 1);
    board.checkStructure();

    board.update(model.get(n - 1).teamId(), 20, n + 1);
    board.top(n, allTeams, new long[n], allRanks);
    assertThat(allTeams[n / 3]).isEqualTo(model.get(n - 1).teamId());
    board.checkStructure();
  }

  @Test
  void bigBucketsWithSeqsInAnyOrderMatchASortedModel() {
    Leaderboard board = new Leaderboard(4, 21);
    Map<Integer, Entry> model = new HashMap<>();
    Random random = new Random(5);
    int n = 400;
    int[] allTeams = new int[n];
    long[] allScores = new long[n];
    int[] allRanks = new int[n];
    for (int step = 1; step <= 20_000; step++) {
      int team = random.nextInt(n);
      if (random.nextInt(20) == 0) {
        assertThat(board.remove(team)).isEqualTo(model.remove(team) != null);
      } else {
        long score = 10L * random.nextInt(4);
        long seq = random.nextInt(3) == 0 ? random.nextInt(step) : step;
        board.update(team, score, seq);
        model.put(team, new Entry(team, score, seq));
      }
      if (step % 500 == 0) {
        List<Entry> sorted = new ArrayList<>(model.values());
        sorted.sort(
            Comparator.comparingLong((Entry e) -> -e.score())
                .thenComparingLong(Entry::seq)
                .thenComparingInt(Entry::teamId));
        board.checkStructure();
        assertThat(board.top(n, allTeams, allScores, allRanks)).isEqualTo(sorted.size());
        int higher = 0;
        for (int i = 0; i < sorted.size(); i++) {
          if (i > 0 && sorted.get(i - 1).score() != sorted.get(i).score()) {
            higher = i;
          }
          assertThat(allTeams[i]).as("team at %d", i).isEqualTo(sorted.get(i).teamId());
          assertThat(allRanks[i]).isEqualTo(higher + 1);
          assertThat(board.rank(allTeams[i])).isEqualTo(higher + 1);
        }
        board.checkStructure();
      }
    }
  }

  @Test
  void newSeqAtTheSameScoreMovesTheTeamInsideItsBucket() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 50, 1);
    board.update(1, 50, 2);
    board.update(2, 50, 3);

    board.update(0, 50, 4);
    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(1, 2, 0);

    board.update(2, 50, 0);
    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(2, 1, 0);
    assertThat(ranks).startsWith(1, 1, 1);
    assertThat(board.reachedSeq(2)).isZero();
    board.checkStructure();
  }

  @Test
  void lastTeamLeavingClosesItsBucketAndRanksBelowMoveUp() {
    Leaderboard board = new Leaderboard(4, 5);
    board.update(0, 30, 1);
    board.update(1, 20, 2);
    board.update(2, 20, 3);
    board.update(3, 10, 4);

    board.update(0, 20, 5);
    assertThat(board.rank(3)).isEqualTo(4);
    assertThat(board.rank(1)).isEqualTo(1);
    board.remove(1);
    board.remove(2);
    board.remove(0);
    assertThat(board.rank(3)).isEqualTo(1);
    assertThat(board.size()).isEqualTo(1);
    board.checkStructure();

    board.update(4, 40, 6);
    board.update(0, 10, 7);
    assertThat(board.rank(0)).isEqualTo(2);
    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(4, 3, 0);
    assertThat(ranks).startsWith(1, 2, 2);
    board.checkStructure();
  }

  @Test
  void manyDistinctScoresClimbingKeepSpansRight() {
    Leaderboard board = new Leaderboard(16, 99);
    Random random = new Random(8);
    int n = 3_000;
    for (int team = 0; team < n; team++) {
      board.update(team, random.nextInt(1_000_000), team);
    }
    long seq = n;
    for (int step = 0; step < 20_000; step++) {
      int team = random.nextInt(n);
      board.update(team, board.score(team) + 10 * (1 + random.nextInt(10)), ++seq);
    }
    board.checkStructure();
    int[] allTeams = new int[n];
    long[] allScores = new long[n];
    int[] allRanks = new int[n];
    board.top(n, allTeams, allScores, allRanks);
    for (int i = 0; i < n; i++) {
      assertThat(board.rank(allTeams[i])).isEqualTo(allRanks[i]);
      if (i > 0) {
        assertThat(allScores[i]).isLessThanOrEqualTo(allScores[i - 1]);
      }
    }
  }

  @Test
  void updatesRanksAndTopAllocateNothingOnceGrown() {
    Leaderboard board = new Leaderboard(10_000, 7);
    Random random = new Random(1);
    long seq = 0;
    for (int team = 0; team < 10_000; team++) {
      board.update(team, 10L * random.nextInt(200), ++seq);
    }
    int[] picks = new int[1 << 16];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = random.nextInt(10_000);
    }
    seq = churn(board, picks, seq);

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    churn(board, picks, seq);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated).isLessThan(1_024);
  }

  private long churn(Leaderboard board, int[] picks, long seq) {
    long checksum = 0;
    for (int round = 0; round < 4; round++) {
      for (int team : picks) {
        board.update(team, (board.score(team) + 10) % 2_000, ++seq);
        checksum += board.rank(team);
      }
      checksum += board.top(10, teams, scores, ranks);
    }
    return seq + (checksum & 1);
  }
}
