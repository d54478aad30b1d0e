package io.cairn.engine.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
  private final int[] teams = new int[16];
  private final long[] scores = new long[16];
  private final int[] ranks = new int[16];

  @Test
  void ordersByScoreDescending() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 10, 1);
    board.update(1, 30, 2);
    board.update(2, 20, 3);

    assertThat(board.top(10, teams, scores, ranks)).isEqualTo(3);
    assertThat(teams).startsWith(1, 2, 0);
    assertThat(scores).startsWith(30, 20, 10);
    assertThat(ranks).startsWith(1, 2, 3);
    assertThat(board.rank(1)).isEqualTo(1);
    assertThat(board.rank(0)).isEqualTo(3);
    board.checkStructure();
  }

  @Test
  void tiedTeamsShareRankAndAreOrderedByWhoReachedTheScoreFirst() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 50, 7);
    board.update(1, 50, 3);
    board.update(2, 90, 9);
    board.update(3, 50, 5);

    assertThat(board.top(10, teams, scores, ranks)).isEqualTo(4);
    assertThat(teams).startsWith(2, 1, 3, 0);
    assertThat(ranks).startsWith(1, 2, 2, 2);
    assertThat(board.rank(0)).isEqualTo(2);
    assertThat(board.rank(1)).isEqualTo(2);
    assertThat(board.rank(3)).isEqualTo(2);
    board.checkStructure();
  }

  @Test
  void equalScoreAndEqualSeqFallBackToTeamId() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(3, 5, 1);
    board.update(1, 5, 1);
    board.update(2, 5, 1);

    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(1, 2, 3);
    assertThat(ranks).startsWith(1, 1, 1);
  }

  @Test
  void rankAfterTheFirstTieGroupSkipsTheTiedCount() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 10, 1);
    board.update(1, 10, 2);
    board.update(2, 10, 3);
    board.update(3, 4, 4);

    assertThat(board.rank(3)).isEqualTo(4);
    board.top(10, teams, scores, ranks);
    assertThat(ranks).startsWith(1, 1, 1, 4);
  }

  @Test
  void teamMovesUpPastOthers() {
    Leaderboard board = new Leaderboard(4, 1);
    for (int team = 0; team < 5; team++) {
      board.update(team, 10 * (team + 1), team);
    }
    assertThat(board.rank(0)).isEqualTo(5);

    board.update(0, 45, 10);

    assertThat(board.rank(0)).isEqualTo(2);
    assertThat(board.rank(3)).isEqualTo(3);
    assertThat(board.score(0)).isEqualTo(45);
    assertThat(board.size()).isEqualTo(5);
    board.checkStructure();
  }

  @Test
  void teamMovesDownPastOthers() {
    Leaderboard board = new Leaderboard(4, 1);
    for (int team = 0; team < 5; team++) {
      board.update(team, 10 * (team + 1), team);
    }
    board.update(4, 5, 10);

    assertThat(board.rank(4)).isEqualTo(5);
    assertThat(board.rank(0)).isEqualTo(4);
    assertThat(board.rank(3)).isEqualTo(1);
    board.checkStructure();
  }

  @Test
  void reachingAnExistingScoreLaterRanksBehindWhoHadIt() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 20, 1);
    board.update(1, 10, 2);
    board.update(1, 20, 3);

    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(0, 1);
    assertThat(ranks).startsWith(1, 1);
  }

  @Test
  void updateInPlaceKeepsNeighbours() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 30, 1);
    board.update(1, 20, 2);
    board.update(2, 10, 3);
    board.update(1, 25, 4);

    board.top(10, teams, scores, ranks);
    assertThat(teams).startsWith(0, 1, 2);
    assertThat(scores).startsWith(30, 25, 10);
    assertThat(board.reachedSeq(1)).isEqualTo(4);
    board.checkStructure();
  }

  @Test
  void rankOfFirstAndLastOfManyTeams() {
    Leaderboard board = new Leaderboard(16, 42);
    int n = 10_000;
    for (int team = 0; team < n; team++) {
      board.update(team, team, team);
    }
    assertThat(board.rank(n - 1)).isEqualTo(1);
    assertThat(board.rank(0)).isEqualTo(n);
    assertThat(board.size()).isEqualTo(n);
    board.checkStructure();
  }

  @Test
  void absentTeamHasNoRankAndNoScore() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 5, 1);

    assertThat(board.contains(7)).isFalse();
    assertThat(board.rank(7)).isZero();
    assertThat(board.score(7)).isZero();
    assertThat(board.rank(100_000)).isZero();
    assertThat(board.contains(-1)).isFalse();
  }

  @Test
  void topStopsAtTheBoardSizeAndAtTheArrays() {
    Leaderboard board = new Leaderboard(4, 1);
    for (int team = 0; team < 5; team++) {
      board.update(team, team, team);
    }
    assertThat(board.top(100, teams, scores, ranks)).isEqualTo(5);
    assertThat(board.top(3, teams, scores, ranks)).isEqualTo(3);
    assertThat(board.top(10, new int[2], new long[10], new int[10])).isEqualTo(2);
    assertThat(board.top(0, teams, scores, ranks)).isZero();
    assertThat(new Leaderboard(0, 1).top(10, teams, scores, ranks)).isZero();
  }

  @Test
  void removeTakesTheTeamOffAndItsNodeIsReused() {
    Leaderboard board = new Leaderboard(4, 1);
    board.update(0, 10, 1);
    board.update(1, 20, 2);
    board.update(2, 30, 3);

    assertThat(board.remove(1)).isTrue();
    assertThat(board.remove(1)).isFalse();
    assertThat(board.contains(1)).isFalse();
    assertThat(board.rank(0)).isEqualTo(2);
    board.update(5, 15, 4);
    assertThat(board.rank(5)).isEqualTo(2);
    assertThat(board.size()).isEqualTo(3);
    board.checkStructure();
  }

  @Test
  void clearEmptiesTheBoardAndRestartsTheShape() {
    Leaderboard board = new Leaderboard(4, 9);
    Leaderboard fresh = new Leaderboard(4, 9);
    for (int team = 0; team < 100; team++) {
      board.update(team, team % 7, team);
    }
    board.clear();
    assertThat(board.size()).isZero();
    assertThat(board.contains(3)).isFalse();
    assertThat(board.top(10, teams, scores, ranks)).isZero();

    for (int team = 0; team < 100; team++) {
      board.update(team, team % 5, team);
      fresh.update(team, team % 5, team);
    }
    for (int team = 0; team < 100; team++) {
      assertThat(board.levelOf(team)).isEqualTo(fresh.levelOf(team));
      assertThat(board.rank(team)).isEqualTo(fresh.rank(team));
    }
    board.checkStructure();
  }

  @Test
  void sameSeedAndUpdatesRebuildTheSameShape() {
    Leaderboard a = new Leaderboard(16, 12345);
    Leaderboard b = new Leaderboard(1000, 12345);
    Leaderboard other = new Leaderboard(16, 54321);
    Random random = new Random(3);
    for (int step = 0; step < 2000; step++) {
      int team = random.nextInt(500);
      long score = random.nextInt(100);
      a.update(team, score, step);
      b.update(team, score, step);
      other.update(team, score, step);
    }
    boolean differs = false;
    for (int team = 0; team < 500; team++) {
      assertThat(a.levelOf(team)).isEqualTo(b.levelOf(team));
      differs |= a.levelOf(team) != other.levelOf(team);
    }
    assertThat(differs).isTrue();
  }

  @Test
  void levelsFollowAQuarterProbabilityPerLevel() {
    Leaderboard board = new Leaderboard(16, 77);
    int n = 100_000;
    int[] counts = new int[Leaderboard.MAX_LEVEL + 1];
    for (int team = 0; team < n; team++) {
      board.update(team, 0, team);
      counts[board.levelOf(team)]++;
    }
    assertThat(counts[1]).isBetween(74_000, 76_000);
    assertThat(counts[2]).isBetween(18_000, 19_500);
    assertThat(counts[3]).isBetween(4_300, 5_100);
  }

  @Test
  void growsPastItsInitialSize() {
    Leaderboard board = new Leaderboard(0, 1);
    board.update(5_000, 1, 1);
    board.update(3, 2, 2);

    assertThat(board.rank(3)).isEqualTo(1);
    assertThat(board.rank(5_000)).isEqualTo(2);
  }

  @Test
  void rejectsNegativeTeamId() {
    Leaderboard board = new Leaderboard(4, 1);
    assertThatThrownBy(() -> board.update(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
