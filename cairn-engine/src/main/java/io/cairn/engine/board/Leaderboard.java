package io.cairn.engine.board;

import java.util.Arrays;

/**
 * The live ranking of a hunt's teams: a span-counting skip list (Redis zset's {@code zskiplist})
 * packed into one {@code long[]} so that {@link #update}, {@link #rank} and {@link #top} allocate
 * nothing once the arrays have grown to the number of teams.
 *
 * <p>Order: score descending, then {@code reachedSeq} ascending (who reached the score first), then
 * team id ascending, which makes it a total order. Ranks are shared: a team's rank is one plus the
 * number of teams with a strictly higher score, found in O(log n) by a span-counting search for the
 * first node holding that score.
 *
 * <p>A node is a block of longs in {@code pool}; the node's id is the offset of its score, 0 is the
 * end marker (no node's score sits there) and 1 is the header:
 *
 * <pre>
 *   node-1      teamId (high 32 bits) | level (low 32 bits)
 *   node+0      score
 *   node+1      reachedSeq
 *   node+2+i    for each level i: forward node (high 32 bits) | span (low 32 bits)
 * </pre>
 *
 * Blocks of up to 8 longs (nodes of level 5 or less, all but one in a thousand) never straddle a
 * cache line, so a hop costs one miss: the keys compared and the forward pointer followed share a
 * line. The pool holds about 5.4 longs per team with p = 1/4 (43 MB for a million teams) where
 * {@code forward[level][node]} arrays would need 32 levels per node. Levels come from an xorshift
 * generator seeded by the constructor, so replaying the same updates rebuilds the same shape. A
 * team keeps its node, and its level, when it moves (as Redis zslUpdateScore, without freeing);
 * removed nodes go to a free list per level and are reused.
 *
 * <p>Not thread-safe: the shard thread that owns the hunt is its only user.
 */
public final class Leaderboard {
  static final int MAX_LEVEL = 32;

  private static final int META = -1;
  private static final int SCORE = 0;
  private static final int SEQ = 1;
  private static final int LEVELS = 2;
  private static final int BLOCK_OVERHEAD = 3;
  private static final int HEADER = 1;
  private static final int NIL = 0;
  private static final int HEADER_BLOCK = BLOCK_OVERHEAD + MAX_LEVEL;

  /**
   * A cache line holds 8 longs, and a large long[]'s elements start 2 longs past a line boundary
   * (16-byte array header; big arrays are allocated line-aligned). Wrong for an odd heap layout,
   * this only costs speed.
   */
  private static final int LINE_LONGS = 8;

  private static final int ARRAY_BASE_LONGS = 2;
  private static final long SPAN_MASK = 0xFFFF_FFFFL;
  private static final long DEFAULT_SEED = 0x9E37_79B9_7F4A_7C15L;

  private final long seed;
  private final int[] pathNodes = new int[MAX_LEVEL];
  private final int[] pathRanks = new int[MAX_LEVEL];
  private final int[] freeByLevel = new int[MAX_LEVEL + 1];

  private long[] pool;
  private int poolTop;
  private int[] nodeOfTeam;
  private int listLevel;
  private int length;
  private long random;

  /**
   * @param initialTeams the number of teams to size the arrays for; more teams grow them
   * @param seed seeds the level generator: equal seeds and equal updates give equal shapes
   */
  public Leaderboard(int initialTeams, long seed) {
    if (initialTeams < 0) {
      throw new IllegalArgumentException("initialTeams must be >= 0: " + initialTeams);
    }
    this.seed = seed;
    this.pool =
        new long
            [(int) Math.min(1 << 30, HEADER_BLOCK + (long) initialTeams * (BLOCK_OVERHEAD + 3))];
    this.nodeOfTeam = new int[Math.max(16, initialTeams)];
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
    int node = teamId < nodeOfTeam.length ? nodeOfTeam[teamId] : NIL;
    if (node == NIL) {
      node = allocate(teamId, randomLevel());
      pool[node + SCORE] = score;
      pool[node + SEQ] = reachedSeq;
      nodeOfTeam[teamId] = node;
      insert(node);
      return;
    }
    if (pool[node + SCORE] == score && pool[node + SEQ] == reachedSeq) {
      return;
    }
    findPath(node);
    int predecessor = pathNodes[0];
    int successor = next(node, 0);
    if ((predecessor == HEADER || precedes(predecessor, score, reachedSeq, teamId))
        && (successor == NIL || !precedes(successor, score, reachedSeq, teamId))) {
      pool[node + SCORE] = score;
      pool[node + SEQ] = reachedSeq;
      return;
    }
    unlink(node);
    pool[node + SCORE] = score;
    pool[node + SEQ] = reachedSeq;
    insert(node);
  }

  /**
   * Takes the team off the board; its node is reused by a later insert. Returns false if absent.
   */
  public boolean remove(int teamId) {
    int node = nodeOf(teamId);
    if (node == NIL) {
      return false;
    }
    findPath(node);
    unlink(node);
    nodeOfTeam[teamId] = NIL;
    int level = level(node);
    pool[node + SCORE] = freeByLevel[level];
    freeByLevel[level] = node;
    return true;
  }

  public boolean contains(int teamId) {
    return nodeOf(teamId) != NIL;
  }

  public int size() {
    return length;
  }

  /** The team's score, or 0 when it is not on the board. */
  public long score(int teamId) {
    int node = nodeOf(teamId);
    return node == NIL ? 0 : pool[node + SCORE];
  }

  /** The sequence number the team's score was reached at, or 0 when it is not on the board. */
  public long reachedSeq(int teamId) {
    int node = nodeOf(teamId);
    return node == NIL ? 0 : pool[node + SEQ];
  }

  /**
   * The team's 1-based shared rank: 1 + the number of teams with a strictly higher score, or 0 when
   * the team is not on the board. O(log n).
   */
  public int rank(int teamId) {
    int node = nodeOf(teamId);
    if (node == NIL) {
      return 0;
    }
    long score = pool[node + SCORE];
    int x = HEADER;
    int passed = 0;
    for (int i = listLevel - 1; i >= 0; i--) {
      long entry = pool[x + LEVELS + i];
      int next = (int) (entry >>> 32);
      while (next != NIL && pool[next + SCORE] > score) {
        passed += (int) (entry & SPAN_MASK);
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
    int x = next(HEADER, 0);
    int rank = 0;
    long previousScore = 0;
    for (int i = 0; i < limit; i++) {
      long score = pool[x + SCORE];
      if (i == 0 || score != previousScore) {
        rank = i + 1;
      }
      teamIdsOut[i] = teamIdOf(x);
      scoresOut[i] = score;
      ranksOut[i] = rank;
      previousScore = score;
      x = next(x, 0);
    }
    return Math.max(limit, 0);
  }

  /** Empties the board and restarts the level generator, as if newly constructed. */
  public void clear() {
    Arrays.fill(nodeOfTeam, NIL);
    reset();
  }

  /** The level of the team's node, or 0 when absent; tests use it to compare shapes. */
  int levelOf(int teamId) {
    int node = nodeOf(teamId);
    return node == NIL ? 0 : level(node);
  }

  /**
   * Walks every level and throws when order, spans or the team map disagree with level 0; tests
   * call it after each step.
   */
  void checkStructure() {
    int position = 0;
    for (int x = next(HEADER, 0), previous = HEADER; x != NIL; previous = x, x = next(x, 0)) {
      position++;
      if (previous != HEADER && !precedes(previous, pool[x + SCORE], pool[x + SEQ], teamIdOf(x))) {
        throw new IllegalStateException("out of order at position " + position);
      }
      if (nodeOfTeam[teamIdOf(x)] != x) {
        throw new IllegalStateException("team map disagrees at position " + position);
      }
    }
    if (position != length) {
      throw new IllegalStateException("length " + length + " but " + position + " nodes");
    }
    for (int i = 0; i < listLevel; i++) {
      int x = HEADER;
      int rank = 0;
      while (next(x, i) != NIL) {
        rank += (int) (pool[x + LEVELS + i] & SPAN_MASK);
        x = next(x, i);
        if (rank != positionOf(x)) {
          throw new IllegalStateException("span sum wrong on level " + i + " at rank " + rank);
        }
      }
      if (rank + (int) (pool[x + LEVELS + i] & SPAN_MASK) != length) {
        throw new IllegalStateException("span to the end wrong on level " + i);
      }
    }
    for (int i = listLevel; i < MAX_LEVEL; i++) {
      if (next(HEADER, i) != NIL) {
        throw new IllegalStateException("header links above the list level " + listLevel);
      }
    }
  }

  private int positionOf(int node) {
    int position = 0;
    for (int x = next(HEADER, 0); x != NIL; x = next(x, 0)) {
      position++;
      if (x == node) {
        return position;
      }
    }
    return -1;
  }

  private void reset() {
    Arrays.fill(pool, 0, HEADER_BLOCK, 0L);
    pool[HEADER + META] = ((long) -1 << 32) | MAX_LEVEL;
    poolTop = HEADER_BLOCK;
    Arrays.fill(freeByLevel, NIL);
    listLevel = 1;
    length = 0;
    random = seed == 0 ? DEFAULT_SEED : seed;
  }

  private int nodeOf(int teamId) {
    return teamId >= 0 && teamId < nodeOfTeam.length ? nodeOfTeam[teamId] : NIL;
  }

  /** Records in {@code pathNodes} the last node before {@code node} on every level of the list. */
  private void findPath(int node) {
    long score = pool[node + SCORE];
    long seq = pool[node + SEQ];
    int teamId = teamIdOf(node);
    int x = HEADER;
    for (int i = listLevel - 1; i >= 0; i--) {
      int next = next(x, i);
      while (next != NIL && next != node && precedes(next, score, seq, teamId)) {
        x = next;
        next = next(x, i);
      }
      pathNodes[i] = x;
    }
  }

  /**
   * As Redis zslInsert: links the node, whose keys are set, at its place, fixing the spans on the
   * way.
   */
  private void insert(int node) {
    long score = pool[node + SCORE];
    long seq = pool[node + SEQ];
    int teamId = teamIdOf(node);
    int x = HEADER;
    for (int i = listLevel - 1; i >= 0; i--) {
      int rank = i == listLevel - 1 ? 0 : pathRanks[i + 1];
      long entry = pool[x + LEVELS + i];
      int next = (int) (entry >>> 32);
      while (next != NIL && precedes(next, score, seq, teamId)) {
        rank += (int) (entry & SPAN_MASK);
        x = next;
        entry = pool[x + LEVELS + i];
        next = (int) (entry >>> 32);
      }
      pathRanks[i] = rank;
      pathNodes[i] = x;
    }
    int level = level(node);
    if (level > listLevel) {
      for (int i = listLevel; i < level; i++) {
        pathRanks[i] = 0;
        pathNodes[i] = HEADER;
        setEntry(HEADER, i, NIL, length);
      }
      listLevel = level;
    }
    int rank0 = pathRanks[0];
    for (int i = 0; i < level; i++) {
      int before = pathNodes[i];
      long entry = pool[before + LEVELS + i];
      int passed = rank0 - pathRanks[i];
      setEntry(node, i, (int) (entry >>> 32), (int) (entry & SPAN_MASK) - passed);
      setEntry(before, i, node, passed + 1);
    }
    for (int i = level; i < listLevel; i++) {
      pool[pathNodes[i] + LEVELS + i] += 1;
    }
    length++;
  }

  /** As Redis zslDeleteNode: unlinks the node using the path {@link #findPath} recorded. */
  private void unlink(int node) {
    for (int i = 0; i < listLevel; i++) {
      int before = pathNodes[i];
      long entry = pool[before + LEVELS + i];
      if ((int) (entry >>> 32) == node) {
        long removed = pool[node + LEVELS + i];
        setEntry(
            before,
            i,
            (int) (removed >>> 32),
            (int) (entry & SPAN_MASK) + (int) (removed & SPAN_MASK) - 1);
      } else {
        pool[before + LEVELS + i] -= 1;
      }
    }
    while (listLevel > 1 && next(HEADER, listLevel - 1) == NIL) {
      listLevel--;
    }
    length--;
  }

  /** True when the node sorts strictly before the key (score desc, seq asc, team asc). */
  private boolean precedes(int node, long score, long seq, int teamId) {
    long nodeScore = pool[node + SCORE];
    if (nodeScore != score) {
      return nodeScore > score;
    }
    long nodeSeq = pool[node + SEQ];
    if (nodeSeq != seq) {
      return nodeSeq < seq;
    }
    return teamIdOf(node) < teamId;
  }

  private int allocate(int teamId, int level) {
    if (teamId >= nodeOfTeam.length) {
      int grown = Math.max(teamId + 1, nodeOfTeam.length + (nodeOfTeam.length >> 1));
      nodeOfTeam = Arrays.copyOf(nodeOfTeam, grown);
    }
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
    pool[node + META] = ((long) teamId << 32) | level;
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
    return (int) pool[node + META];
  }

  private int teamIdOf(int node) {
    return (int) (pool[node + META] >> 32);
  }

  private void setEntry(int node, int level, int next, int span) {
    pool[node + LEVELS + level] = ((long) next << 32) | (span & SPAN_MASK);
  }
}
