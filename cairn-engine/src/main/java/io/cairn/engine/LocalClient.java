package io.cairn.engine;

import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.EgressHandler;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Talks to an in-process engine the way a connection does, for tests, tools and organiser commands:
 * each {@link Session} gets replies as JSON text and the push events of its hunt and team. It is
 * the engine's {@link EgressHandler}; it allocates freely, so it is not for the hot path of a real
 * gateway. A session lives until {@link Session#close}, as a network connection lives until its
 * socket closes.
 */
public final class LocalClient implements EgressHandler {
  private final ConcurrentHashMap<Long, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong nextConnectionId = new AtomicLong(1);
  private final AtomicInteger joinedSessions = new AtomicInteger();
  private volatile Engine engine;

  /** Connects this client to the engine it is the egress handler of. */
  public void attach(Engine target) {
    this.engine = target;
  }

  public Session open() {
    Session session = new Session(nextConnectionId.getAndIncrement());
    sessions.put(session.connectionId, session);
    return session;
  }

  /** Sessions opened and not yet closed. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Open sessions that have joined a hunt: the ones push events are delivered to. */
  public int joinedSessionCount() {
    return joinedSessions.get();
  }

  @Override
  public void onMessage(
      int shard,
      int kind,
      long connectionId,
      int huntNumber,
      int teamIdx,
      int playerIdx,
      DirectBuffer json,
      int offset,
      int length) {
    if (kind == REPLY) {
      Session session = sessions.get(connectionId);
      if (session != null) {
        session.onReply(
            huntNumber, teamIdx, playerIdx, json.getStringWithoutLengthUtf8(offset, length));
      }
      return;
    }
    if (joinedSessions.get() == 0) {
      // a gateway forwards every event here; with nobody joined in-process, that must cost nothing
      return;
    }
    String text = json.getStringWithoutLengthUtf8(offset, length);
    for (Session session : sessions.values()) {
      if (!session.closed
          && session.shard == shard
          && session.huntNumber == huntNumber
          && (kind == HUNT_EVENT || (kind == TEAM_EVENT && session.teamIdx == teamIdx))) {
        session.events.add(text);
      }
    }
  }

  /** One simulated connection: sends commands in order, gets each reply as a future. */
  public final class Session {
    private final long connectionId;
    private final ConcurrentHashMap<Long, CompletableFuture<String>> pending =
        new ConcurrentHashMap<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final CommandEncoder encoder = new CommandEncoder();
    private long nextRequestId = 1;
    private volatile int huntNumber = CommandLayout.NO_HUNT;
    private volatile int teamIdx = -1;
    private volatile int playerIdx = CommandLayout.NO_PLAYER;
    private volatile int shard = -1;
    private volatile boolean closed;

    private Session(long connectionId) {
      this.connectionId = connectionId;
    }

    public long connectionId() {
      return connectionId;
    }

    /** Push events of this session's hunt and team, in the order they were released. */
    public BlockingQueue<String> events() {
      return events;
    }

    public boolean joined() {
      return playerIdx != CommandLayout.NO_PLAYER;
    }

    /**
     * Forgets this session, as the gateway forgets a WebSocket connection whose channel closed: no
     * more replies or push events reach it, replies still awaited are cancelled, and its queued
     * events are dropped. The engine holds nothing per connection, so its player stays in the hunt
     * (a {@code join} with its token resumes it from another session). Closing twice is harmless;
     * sending on a closed session throws {@link IllegalStateException}.
     */
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        sessions.remove(connectionId);
        if (playerIdx != CommandLayout.NO_PLAYER) {
          joinedSessions.decrementAndGet();
        }
      }
      for (CompletableFuture<String> reply : pending.values()) {
        reply.cancel(false);
      }
      pending.clear();
      events.clear();
    }

    public boolean closed() {
      return closed;
    }

    public CompletableFuture<String> join(String huntId, String name, String team) {
      return send(huntId, Op.JOIN, e -> e.join(huntId, name, team, ""));
    }

    public CompletableFuture<String> resume(String huntId, String token) {
      return send(huntId, Op.JOIN, e -> e.join(huntId, "", "", token));
    }

    public CompletableFuture<String> state() {
      return send(null, Op.STATE, CommandEncoder::state);
    }

    public CompletableFuture<String> move(double lat, double lon) {
      return send(null, Op.MOVE, e -> e.move(lat, lon));
    }

    public CompletableFuture<String> scan() {
      return send(null, Op.SCAN, CommandEncoder::scan);
    }

    public CompletableFuture<String> guess(String puzzleId, String answer) {
      return send(null, Op.GUESS, e -> e.guess(puzzleId, answer));
    }

    public CompletableFuture<String> claim(String treasureId, String code) {
      return send(null, Op.CLAIM, e -> e.claim(treasureId, code));
    }

    public CompletableFuture<String> hint(String puzzleId) {
      return send(null, Op.HINT, e -> e.hint(puzzleId));
    }

    public CompletableFuture<String> board(int limit) {
      return send(null, Op.BOARD, e -> e.board(limit));
    }

    public CompletableFuture<String> ping() {
      return send(null, Op.PING, CommandEncoder::ping);
    }

    /** Organiser: load a new hunt from its Veltrix text. */
    public CompletableFuture<String> loadHunt(String huntId, String sourceName, String text) {
      return send(huntId, Op.LOAD_HUNT, e -> e.loadHunt(sourceName, text));
    }

    public CompletableFuture<String> reloadHunt(
        String huntId, String sourceName, String text, boolean force) {
      return send(huntId, Op.RELOAD_HUNT, e -> e.reloadHunt(sourceName, text, force));
    }

    /** Organiser: START, PAUSE, RESUME or END. */
    public CompletableFuture<String> lifecycle(String huntId, int op) {
      return send(huntId, op, e -> e.lifecycle(huntId));
    }

    /** Organiser: a hunt's top {@code limit} teams (0 = default 10), read-only. */
    public CompletableFuture<String> huntBoard(String huntId, int limit) {
      return send(huntId, Op.HUNT_BOARD, e -> e.huntBoard(huntId, limit));
    }

    /**
     * Organiser: a hunt's treasures with claim counts and a density grid of the players' last
     * positions ({@code cellM} 0 = default 50 m; {@code maxAgeS} 0 = every position), read-only.
     */
    public CompletableFuture<String> huntMap(String huntId, int cellM, int maxAgeS) {
      return send(huntId, Op.HUNT_MAP, e -> e.huntMap(huntId, cellM, maxAgeS));
    }

    public CompletableFuture<String> announce(String huntId, String message) {
      return send(huntId, Op.ANNOUNCE, e -> e.announce(huntId, message));
    }

    /**
     * Encodes and queues one command. {@code huntId} routes commands that name their hunt; the
     * others go to the hunt this session joined. A full shard completes the future with an
     * OVERLOADED reply, as a gateway would answer.
     */
    private synchronized CompletableFuture<String> send(
        String huntId, int op, ToIntFunction<CommandEncoder> body) {
      Engine target = engine;
      if (target == null) {
        throw new IllegalStateException("LocalClient is not attached to an engine");
      }
      if (closed) {
        throw new IllegalStateException("session " + connectionId + " is closed");
      }
      long requestId = nextRequestId++;
      CompletableFuture<String> reply = new CompletableFuture<>();
      int targetShard = huntId != null ? target.shardOf(huntId) : shard;
      if (targetShard < 0 && op == Op.PING) {
        targetShard = 0;
      }
      if (targetShard < 0) {
        reply.complete(
            "{\"re\":"
                + requestId
                + ",\"ok\":false,\"error\":{\"code\":\"NOT_JOINED\",\"message\":\"join first\"}}");
        return reply;
      }
      if (op == Op.JOIN) {
        shard = targetShard;
      }
      encoder
          .wrap(buffer, 0)
          .header(target.clock().time(), connectionId, requestId, huntNumber, playerIdx);
      int length = body.applyAsInt(encoder);
      pending.put(requestId, reply);
      if (!target.offer(targetShard, op, buffer, 0, length)) {
        pending.remove(requestId);
        reply.complete(
            "{\"re\":"
                + requestId
                + ",\"ok\":false,\"error\":{\"code\":\"OVERLOADED\",\"message\":\"shard queue is"
                + " full\",\"retryAfterMs\":100}}");
      }
      return reply;
    }

    private void onReply(int hunt, int team, int player, String json) {
      if (player != CommandLayout.NO_PLAYER && json.contains("\"ok\":true")) {
        synchronized (this) {
          if (closed) {
            return;
          }
          if (playerIdx == CommandLayout.NO_PLAYER) {
            joinedSessions.incrementAndGet();
          }
          huntNumber = hunt;
          teamIdx = team;
          playerIdx = player;
        }
      }
      long requestId = requestIdOf(json);
      CompletableFuture<String> reply = pending.remove(requestId);
      if (reply != null) {
        reply.complete(json);
      }
    }
  }

  /** The {@code re} of a reply; replies always start with it. */
  static long requestIdOf(String json) {
    int start = json.indexOf("\"re\":") + 5;
    int end = start;
    while (end < json.length()
        && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
      end++;
    }
    return end > start ? Long.parseLong(json.substring(start, end)) : -1;
  }
}
