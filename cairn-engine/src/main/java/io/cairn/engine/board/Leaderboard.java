package io.cairn.engine.board;

import java.util.Arrays;

/**
 * The live ranking of a hunt's teams, in two levels: teams sit in one bucket per distinct score,
 * and the distinct scores sit in a weighted span-counting skip list (Redis zset's {@code
 * zskiplist}, where a span is the number of teams in the buckets it skips). {@link #update}, {@link
 * #rank} and {@link #top} allocate nothing once the arrays have grown to the number of teams and of
 * distinct scores.
 *
 * <p>Order: score descending, then {@code reachedSeq} ascending (who reached the score first), then
 * team id ascending, which makes it a total order. Ranks are shared: a team's rank is one plus the
 * number of teams with a strictly higher score, the sum of the spans a search for its score passes.
 *
 * <p>Why two levels: hunt scores are sums of puzzle and treasure points, so a million teams share a
 * few hundred or thousand scores. A skip list over all teams (this class's first version) walked
 * some 20 cold nodes of a 43 MB structure per search and did two or three searches per update. Over
 * distinct scores the list is small enough to stay in cache; an update touches the moving team, its
 * two old neighbours in its bucket and the tail of the bucket it joins, and a rank is a search in
 * that small list. {@code LeaderboardBenchmark}, a million teams, medians of 3 runs ({@code -f 1
 * -wi 2 -i 3 -w 2s -r 2s}) on a 2-core machine that another build kept busy (load 2.5 to 6.5), so
 * read the ratios rather than the digits:
 *
 * <pre>
 *   starting scores   update (ops/s)            rank (ns)          top10 (ns)
 *   200               422,760 -> 2,417,617      797 -> 160         28.7 -> 12.9
 *   1,000,000         182,329 ->   333,765    3,289 -> 2,043       23.0 -> 25.5
 * </pre>
 *
 * With every team at its own score (about 630,000 distinct scores at the start) the score list is
 * as large and cold as the old one and misses the targets (1,000,000 updates/s, rank under 1 us);
 * there a team alone at its score keeps its node when no other score lies between the old and the
 * new one. Allocation ({@code -prof gc}): about 0 B/op for update, rank and top10.
 *
 * <p>Teams, struct of arrays indexed by team id: score, reachedSeq, previous and next team in the
 * bucket (an intrusive doubly linked list, head first), and the level dealt at the team's last
 * placement (0: not on the board). Within a bucket teams are in board order. The engine's
 * reachedSeq only grows, so a team that moves joins its new bucket at the tail; the insert walks
 * back from the tail while the team before orders after the new one, which is O(1) then. Any other
 * reachedSeq (a rebuild from a snapshot, in team id order) stays correct: past {@code MAX_WALK}
 * teams the team is appended, the bucket marked unsorted, and {@link #top} merge-sorts it in place
 * before reading it. Ranks never depend on the order inside a bucket.
 *
 * <p>Distinct scores: a node is a block of longs in {@code pool}; its id is the offset of its
 * score, 0 is the end marker and 1 is the header:
 *
 * <pre>
 *   node-1      teams in the bucket (high 32 bits) | unsorted (bit 16) | level (low 16 bits)
 *   node+0      score
 *   node+1      head team (high 32 bits) | tail team (low 32 bits)
 *   node+2+i    for each level i: forward node (high 32 bits) | span (low 32 bits)
 * </pre>
 *
 * A span is the number of teams in the buckets from the node (excluded) to its forward node
 * (included), so a team joining or leaving a bucket adds +-1 to the one span per level that covers
 * the bucket's node. A bucket whose last team leaves is unlinked and its block goes to a free list
 * per level. Blocks of up to 8 longs never straddle a cache line. Every placement of a team in a
 * bucket draws a level (p = 1/4) from an xorshift generator seeded by the constructor, and a node
 * opened by that placement takes it, so replaying the same updates rebuilds the same shape.
 *
 * <p>Not thread-safe: the shard thread that owns the hunt is its only user.
 */
public final class Leaderboard {
  static final int MAX_LEVEL = 32;

  private static final int META = -1;
  private static final int SCORE = 0;
  private static final int ENDS = 1;
  private static final int LEVELS = 2;
  private static final int BLOCK_OVERHEAD = 3;
  private static final int HEADER = 1;
  private static final int NIL = 0;
  private static final int NO_TEAM = -1;
  private static final int HEADER_BLOCK = BLOCK_OVERHEAD + MAX_LEVEL;
  private static final int INITIAL_NODES = 256;

  /**
   * How far back from a bucket's tail a team is walked to its place; one that would go further is
   * appended and the bucket marked unsorted, to be merge-sorted when {@link #top} reads it.
   * Rebuilding a million teams from a snapshot in team id order would otherwise walk half a bucket
   * each.
   */
  private static final int MAX_WALK = 16;

  private static final long UNSORTED = 1L << 16;
  private static final long LEVEL_MASK = 0xFFFF;

  /**
   * A cache line holds 8 longs, and a large long[]'s elements start 2 longs past a line boundary
   * (16-byte array header; big arrays are allocated line-aligned). Wrong for an odd heap layout,
   * this only costs speed.
   */
  private static final int LINE_LONGS = 8;

  private static final int ARRAY_BASE_LONGS = 2;
  private static final long LOW_MASK = 0xFFFF_FFFFL;
  private static final long DEFAULT_SEED = 0x9E37_79B9_7F4A_7C15L;

  private final long seed;
  private final int[] pathNodes = new int[MAX_LEVEL];
  private final int[] pathRanks = new int[MAX_LEVEL];
  private final int[] freeByLevel = new int[MAX_LEVEL + 1];

  private long[] pool;
  private int poolTop;
  private int listLevel;
  private long random;

  private long[] teamScore;
  private long[] teamSeq;
  private int[] teamPrev;
  private int[] teamNext;
  private byte[] teamLevel;
  private int length;

  /**
   * @param initialTeams the number of teams to size the arrays for; more teams grow them
   * @param seed seeds the level generator: equal seeds and equal updates give equal shapes
   */
  public Leaderboard(int initialTeams, long seed) {
    if (initialTeams < 0) {
      throw new IllegalArgumentException("initialTeams must be >= 0: " + initialTeams);
    }
    this.seed = seed;
    this.pool = new long[HEADER_BLOCK + INITIAL_NODES * (BLOCK_OVERHEAD + 2)];
    int teams = Math.max(16, initialTeams);
    this.teamScore = new long[teams];
    this.teamSeq = new long[teams];
    this.teamPrev = new int[teams];
    this.teamNext = new int[teams];
    this.teamLevel = new byte[teams];
    reset();
  }

  /**
   * Inserts the team or moves it to its new place. {@code reachedSeq} orders equal scores: the
   * engine passes the sequence number of the command that produced the score, so the team that
   * reached it first ranks first.
   */
  public void update(int teamId, long score, long reachedSeq) {
    if (teamId < 0) {
      throw new IllegalArgumentException("teamId must be >= 0: " + teamId);
    }
    if (teamId >= teamLevel.length) {
      growTeams(teamId);
    }
    if (teamLevel[teamId] == 0) {
      length++;
      place(teamId, score, reachedSeq);
      return;
    }
    long oldScore = teamScore[teamId];
    if (oldScore == score) {
      if (teamSeq[teamId] != reachedSeq) {
        int node = findNode(score);
        unlinkTeam(node, teamId);
        teamSeq[teamId] = reachedSeq;
        linkTeam(node, teamId);
      }
      return;
    }
    int node = searchPath(oldScore);
    if (count(node) == 1 && fitsAt(node, score)) {
      teamLevel[teamId] = (byte) randomLevel();
      teamScore[teamId] = score;
      teamSeq[teamId] = reachedSeq;
      pool[node + SCORE] = score;
      return;
    }
    leave(node, teamId);
    place(teamId, score, reachedSeq);
  }

  /**
   * True when no other score lies between the node's and {@code score}, so a team alone in its
   * bucket can take the node along (as the first version kept a node in place): with every team at
   * a different score this saves a search and an insert on many updates.
   */
  private boolean fitsAt(int node, long score) {
    int before = pathNodes[0];
    int after = next(node, 0);
    return (before == HEADER || pool[before + SCORE] > score)
        && (after == NIL || pool[after + SCORE] < score);
  }

  /** Takes the team off the board. Returns false if it was absent. */
  public boolean remove(int teamId) {
    if (!contains(teamId)) {
      return false;
    }
    leave(searchPath(teamScore[teamId]), teamId);
    teamLevel[teamId] = 0;
    length--;
    return true;
  }

  public boolean contains(int teamId) {
    return teamId >= 0 && teamId < teamLevel.length && teamLevel[teamId] != 0;
  }

  public int size() {
    return length;
  }

  /** The team's score, or 0 when it is not on the board. */
  public long score(int teamId) {
    return contains(teamId) ? teamScore[teamId] : 0;
  }

  /** The sequence number the team's score was reached at, or 0 when it is not on the board. */
  public long reachedSeq(int teamId) {
    return contains(teamId) ? teamSeq[teamId] : 0;
  }

  /**
   * The team's 1-based shared rank: 1 + the number of teams with a strictly higher score, or 0 when
   * the team is not on the board. O(log d) for d distinct scores.
   */
  public int rank(int teamId) {
    if (!contains(teamId)) {
      return 0;
    }
    long score = teamScore[teamId];
    long[] pool = this.pool;
    int x = HEADER;
    int passed = 0;
    for (int i = listLevel - 1; i >= 0; i--) {
      long entry = pool[x + LEVELS + i];
      int next = (int) (entry >>> 32);
      while (next != NIL && pool[next + SCORE] > score) {
        passed += (int) (entry & LOW_MASK);
        x = next;
        entry = pool[x + LEVELS + i];
        next = (int) (entry >>> 32);
      }
    }
    return passed + 1;
  }

  /**
   * Fills the first entries of the board in order with their shared ranks: at most {@code n}, at
   * most {@link #size()} and at most the length of the shortest output array. Returns the count.
   */
  public int top(int n, int[] teamIdsOut, long[] scoresOut, int[] ranksOut) {
    int limit =
        Math.min(
            Math.min(n, length),
            Math.min(teamIdsOut.length, Math.min(scoresOut.length, ranksOut.length)));
    int i = 0;
    int higher = 0;
    for (int x = next(HEADER, 0); i < limit; x = next(x, 0)) {
      if ((pool[x + META] & UNSORTED) != 0) {
        sortBucket(x);
      }
      long score = pool[x + SCORE];
      for (int team = head(x); team != NO_TEAM && i < limit; team = teamNext[team]) {
        teamIdsOut[i] = team;
        scoresOut[i] = score;
        ranksOut[i] = higher + 1;
        i++;
      }
      higher += count(x);
    }
    return i;
  }

  /** Empties the board and restarts the level generator, as if newly constructed. */
  public void clear() {
    Arrays.fill(teamLevel, (byte) 0);
    reset();
  }

  /** The level dealt at the team's last placement, or 0 when absent; tests compare shapes. */
  int levelOf(int teamId) {
    return contains(teamId) ? teamLevel[teamId] : 0;
  }

  /**
   * Walks every level and every bucket and throws when order, spans, counts, links or the team
   * arrays disagree; tests call it after each step.
   */
  void checkStructure() {
    int teams = 0;
    int buckets = 0;
    for (int x = next(HEADER, 0), previous = HEADER; x != NIL; previous = x, x = next(x, 0)) {
      buckets++;
      if (previous != HEADER && pool[previous + SCORE] <= pool[x + SCORE]) {
        throw new IllegalStateException("scores out of order at bucket " + buckets);
      }
      int inBucket = 0;
      int before = NO_TEAM;
      for (int team = head(x); team != NO_TEAM; before = team, team = teamNext[team]) {
        inBucket++;
        if (teamLevel[team] == 0 || teamScore[team] != pool[x + SCORE]) {
          throw new IllegalStateException("team " + team + " in the wrong bucket");
        }
        if (teamPrev[team] != before) {
          throw new IllegalStateException("back link of team " + team + " wrong");
        }
        if (before != NO_TEAM
            && (pool[x + META] & UNSORTED) == 0
            && !ordersBefore(before, teamSeq[team], team)) {
          throw new IllegalStateException("team " + team + " out of order in its bucket");
        }
      }
      if (before != tail(x) || inBucket != count(x) || inBucket == 0) {
        throw new IllegalStateException("bucket " + buckets + " tail or count wrong");
      }
      teams += inBucket;
    }
    int present = 0;
    for (byte level : teamLevel) {
      present += level != 0 ? 1 : 0;
    }
    if (teams != length || present != length) {
      throw new IllegalStateException(
          "length " + length + " but " + teams + " in buckets, " + present + " present");
    }
    for (int i = 0; i < listLevel; i++) {
      int x = HEADER;
      int rank = 0;
      while (next(x, i) != NIL) {
        rank += (int) (pool[x + LEVELS + i] & LOW_MASK);
        x = next(x, i);
        if (rank != teamsUpTo(x)) {
          throw new IllegalStateException("span sum wrong on level " + i + " at rank " + rank);
        }
      }
      if (rank + (int) (pool[x + LEVELS + i] & LOW_MASK) != length) {
        throw new IllegalStateException("span to the end wrong on level " + i);
      }
    }
    for (int i = listLevel; i < MAX_LEVEL; i++) {
      if (next(HEADER, i) != NIL) {
        throw new IllegalStateException("header links above the list level " + listLevel);
      }
    }
  }

  private int teamsUpTo(int node) {
    int teams = 0;
    for (int x = next(HEADER, 0); x != NIL; x = next(x, 0)) {
      teams += count(x);
      if (x == node) {
        return teams;
      }
    }
    return -1;
  }

  private void reset() {
    Arrays.fill(pool, 0, HEADER_BLOCK, 0L);
    pool[HEADER + META] = MAX_LEVEL;
    poolTop = HEADER_BLOCK;
    Arrays.fill(freeByLevel, NIL);
    listLevel = 1;
    length = 0;
    random = seed == 0 ? DEFAULT_SEED : seed;
  }

  private void growTeams(int teamId) {
    int grown = Math.max(teamId + 1, teamLevel.length + (teamLevel.length >> 1));
    teamScore = Arrays.copyOf(teamScore, grown);
    teamSeq = Arrays.copyOf(teamSeq, grown);
    teamPrev = Arrays.copyOf(teamPrev, grown);
    teamNext = Arrays.copyOf(teamNext, grown);
    teamLevel = Arrays.copyOf(teamLevel, grown);
  }

  /**
   * Puts a team that is in no bucket into the bucket of {@code score}, opening it (a node at the
   * level just dealt) when no team has that score. {@link #length} already counts the team.
   */
  private void place(int teamId, long score, long reachedSeq) {
    int level = randomLevel();
    teamLevel[teamId] = (byte) level;
    teamScore[teamId] = score;
    teamSeq[teamId] = reachedSeq;
    int node = searchPath(score);
    if (node != NIL && pool[node + SCORE] == score) {
      addToSpans(1);
      pool[node + META] += 1L << 32;
      linkTeam(node, teamId);
      return;
    }
    node = allocate(level, score);
    insertNode(node);
    pool[node + META] += 1L << 32;
    pool[node + ENDS] = ((long) teamId << 32) | (teamId & LOW_MASK);
    teamPrev[teamId] = NO_TEAM;
    teamNext[teamId] = NO_TEAM;
  }

  /**
   * Takes the team out of its bucket, at the node the recorded path leads to, closing the bucket if
   * the team was its last.
   */
  private void leave(int node, int teamId) {
    unlinkTeam(node, teamId);
    pool[node + META] -= 1L << 32;
    if (count(node) == 0) {
      deleteNode(node);
    } else {
      addToSpans(-1);
    }
  }

  /** The node holding {@code score}; the team's bucket must exist. */
  private int findNode(long score) {
    int x = HEADER;
    for (int i = listLevel - 1; i >= 0; i--) {
      int next = next(x, i);
      while (next != NIL && pool[next + SCORE] > score) {
        x = next;
        next = next(x, i);
      }
    }
    return next(x, 0);
  }

  /**
   * Records in {@code pathNodes} the last node on every level whose score is higher than {@code
   * score}, and in {@code pathRanks} the teams up to it; returns the node after it on level 0.
   */
  private int searchPath(long score) {
    long[] pool = this.pool;
    int x = HEADER;
    int rank = 0;
    for (int i = listLevel - 1; i >= 0; i--) {
      long entry = pool[x + LEVELS + i];
      int next = (int) (entry >>> 32);
      while (next != NIL && pool[next + SCORE] > score) {
        rank += (int) (entry & LOW_MASK);
        x = next;
        entry = pool[x + LEVELS + i];
        next = (int) (entry >>> 32);
      }
      pathRanks[i] = rank;
      pathNodes[i] = x;
    }
    return (int) (pool[x + LEVELS] >>> 32);
  }

  /** A team joined or left the bucket after the recorded path: every span covering it changes. */
  private void addToSpans(int delta) {
    for (int i = 0; i < listLevel; i++) {
      pool[pathNodes[i] + LEVELS + i] += delta;
    }
  }

  /**
   * As Redis zslInsert: links an empty node after the recorded path. An empty bucket adds no teams,
   * so spans only split.
   */
  private void insertNode(int node) {
    int level = level(node);
    if (level > listLevel) {
      for (int i = listLevel; i < level; i++) {
        pathRanks[i] = 0;
        pathNodes[i] = HEADER;
        setEntry(HEADER, i, NIL, length - 1);
      }
      listLevel = level;
    }
    int rank0 = pathRanks[0];
    for (int i = 0; i < level; i++) {
      int before = pathNodes[i];
      long entry = pool[before + LEVELS + i];
      int passed = rank0 - pathRanks[i];
      setEntry(node, i, (int) (entry >>> 32), (int) (entry & LOW_MASK) - passed);
      setEntry(before, i, node, passed);
    }
    addToSpans(1);
  }

  /**
   * As Redis zslDeleteNode: unlinks a node whose bucket just lost its last team after the recorded
   * path (whose spans still count that team), and frees its block.
   */
  private void deleteNode(int node) {
    for (int i = 0; i < listLevel; i++) {
      int before = pathNodes[i];
      long entry = pool[before + LEVELS + i];
      if ((int) (entry >>> 32) == node) {
        long removed = pool[node + LEVELS + i];
        setEntry(
            before,
            i,
            (int) (removed >>> 32),
            (int) (entry & LOW_MASK) + (int) (removed & LOW_MASK) - 1);
      } else {
        pool[before + LEVELS + i] -= 1;
      }
    }
    while (listLevel > 1 && next(HEADER, listLevel - 1) == NIL) {
      listLevel--;
    }
    int level = level(node);
    pool[node + SCORE] = freeByLevel[level];
    freeByLevel[level] = node;
  }

  /**
   * Links the team, whose seq is set, into the bucket at its place: from the tail back past every
   * team that orders after it (none when seqs arrive in order). Past {@link #MAX_WALK} teams, or in
   * an unsorted bucket, it goes to the tail and the bucket is (still) unsorted.
   */
  private void linkTeam(int node, int teamId) {
    long seq = teamSeq[teamId];
    long ends = pool[node + ENDS];
    int head = (int) (ends >>> 32);
    int after = NO_TEAM;
    int before = (int) ends;
    if ((pool[node + META] & UNSORTED) == 0) {
      int walked = 0;
      while (before != NO_TEAM && !ordersBefore(before, seq, teamId)) {
        if (++walked > MAX_WALK) {
          pool[node + META] |= UNSORTED;
          after = NO_TEAM;
          before = (int) ends;
          break;
        }
        after = before;
        before = teamPrev[before];
      }
    }
    teamPrev[teamId] = before;
    teamNext[teamId] = after;
    if (before == NO_TEAM) {
      head = teamId;
    } else {
      teamNext[before] = teamId;
    }
    int tail = (int) ends;
    if (after == NO_TEAM) {
      tail = teamId;
    } else {
      teamPrev[after] = teamId;
    }
    pool[node + ENDS] = ((long) head << 32) | (tail & LOW_MASK);
  }

  /**
   * Sorts an unsorted bucket in place: Simon Tatham's bottom-up merge sort of a linked list, which
   * needs no memory besides the links. O(b log b) for b teams, once per bucket that went unsorted.
   */
  private void sortBucket(int node) {
    int[] next = teamNext;
    int head = head(node);
    int tail = NO_TEAM;
    for (int runLength = 1; ; runLength <<= 1) {
      int p = head;
      head = NO_TEAM;
      tail = NO_TEAM;
      int merges = 0;
      while (p != NO_TEAM) {
        merges++;
        int q = p;
        int pSize = 0;
        while (pSize < runLength && q != NO_TEAM) {
          pSize++;
          q = next[q];
        }
        int qSize = runLength;
        while (pSize > 0 || (qSize > 0 && q != NO_TEAM)) {
          int e;
          if (pSize == 0) {
            e = q;
            q = next[q];
            qSize--;
          } else if (qSize == 0 || q == NO_TEAM || ordersBefore(p, teamSeq[q], q)) {
            e = p;
            p = next[p];
            pSize--;
          } else {
            e = q;
            q = next[q];
            qSize--;
          }
          if (tail == NO_TEAM) {
            head = e;
          } else {
            next[tail] = e;
          }
          teamPrev[e] = tail;
          tail = e;
        }
        p = q;
      }
      next[tail] = NO_TEAM;
      if (merges <= 1) {
        break;
      }
    }
    pool[node + ENDS] = ((long) head << 32) | (tail & LOW_MASK);
    pool[node + META] &= ~UNSORTED;
  }

  private void unlinkTeam(int node, int teamId) {
    int before = teamPrev[teamId];
    int after = teamNext[teamId];
    long ends = pool[node + ENDS];
    int head = (int) (ends >>> 32);
    int tail = (int) ends;
    if (before == NO_TEAM) {
      head = after;
    } else {
      teamNext[before] = after;
    }
    if (after == NO_TEAM) {
      tail = before;
    } else {
      teamPrev[after] = before;
    }
    pool[node + ENDS] = ((long) head << 32) | (tail & LOW_MASK);
  }

  /**
   * True when team {@code other}, in the same bucket, orders before the key (seq asc, team asc).
   */
  private boolean ordersBefore(int other, long seq, int teamId) {
    long otherSeq = teamSeq[other];
    return otherSeq != seq ? otherSeq < seq : other < teamId;
  }

  /** A node of the level with the score set, no teams and no links. */
  private int allocate(int level, long score) {
    int node = freeByLevel[level];
    if (node != NIL) {
      freeByLevel[level] = (int) pool[node + SCORE];
    } else {
      int size = BLOCK_OVERHEAD + level;
      int start = poolTop;
      int lineOffset = (start + ARRAY_BASE_LONGS) & (LINE_LONGS - 1);
      if (size <= LINE_LONGS && lineOffset + size > LINE_LONGS) {
        start += LINE_LONGS - lineOffset;
      }
      if (start + size > pool.length) {
        long grown = Math.max((long) start + size, (long) pool.length + (pool.length >> 1));
        if (grown > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("leaderboard full: " + length + " teams");
        }
        pool = Arrays.copyOf(pool, (int) grown);
      }
      node = start - META;
      poolTop = start + size;
    }
    pool[node + META] = level;
    pool[node + SCORE] = score;
    for (int i = 0; i < level; i++) {
      pool[node + LEVELS + i] = 0;
    }
    return node;
  }

  /** 1 + the number of trailing pairs of zero bits of a xorshift64 draw: P(level > k) = 4^-k. */
  private int randomLevel() {
    long x = random;
    x ^= x << 13;
    x ^= x >>> 7;
    x ^= x << 17;
    random = x;
    return Math.min(MAX_LEVEL, 1 + (Long.numberOfTrailingZeros(x) >> 1));
  }

  private int next(int node, int level) {
    return (int) (pool[node + LEVELS + level] >>> 32);
  }

  private int level(int node) {
    return (int) (pool[node + META] & LEVEL_MASK);
  }

  private int count(int node) {
    return (int) (pool[node + META] >>> 32);
  }

  private int head(int node) {
    return (int) (pool[node + ENDS] >>> 32);
  }

  private int tail(int node) {
    return (int) pool[node + ENDS];
  }

  private void setEntry(int node, int level, int next, int span) {
    pool[node + LEVELS + level] = ((long) next << 32) | (span & LOW_MASK);
  }
}
