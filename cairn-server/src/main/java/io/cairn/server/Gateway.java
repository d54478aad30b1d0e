package io.cairn.server;

import io.cairn.engine.Engine;
import io.cairn.engine.LocalClient;
import io.cairn.engine.egress.EgressHandler;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * The engine's egress handler for network players: takes replies and push events off the shard
 * threads and hands them to the connections' event loops.
 *
 * <p>A reply's connection is found in the {@link ConnectionTable} (no boxing, no hashing) and the
 * reply's bytes are queued in that connection's event loop's {@link ReplyOutbox}, which hands them
 * to the connection on the loop, where they are released in request order ({@link
 * PlayerFrameHandler}). A push event goes the same way, once per event loop that has connections of
 * its hunt, into the same outbox: the loop copies it once into a pooled buffer framed as a
 * WebSocket text frame and writes it, by reference, to each of its members, and flushes every
 * connection once per drain, however many events and replies the drain wrote to it. Sharing the
 * outbox keeps a shard's replies and events in the order the shard produced them.
 *
 * <p>Connection ids below {@link #FIRST_CONNECTION_ID} belong to in-process {@link LocalClient}
 * sessions (organiser, bots): their replies, and every event, are forwarded to the local client.
 * Every event also goes to the {@link OrganiserFeed} (dashboard streams, board history).
 */
public final class Gateway implements EgressHandler {
  /** Network connections get ids from here up; LocalClient sessions count from 1. */
  public static final long FIRST_CONNECTION_ID = 1L << 40;

  private final LocalClient local;
  private final GatewayMetrics metrics;
  private final OrganiserFeed organiserFeed;
  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private final ConnectionTable connections = new ConnectionTable(FIRST_CONNECTION_ID, 1024);
  private final ConcurrentHashMap<EventLoop, ReplyOutbox> outboxes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, HuntMembers> hunts = new ConcurrentHashMap<>();
  private final AtomicInteger openConnections = new AtomicInteger();
  private final AtomicLong droppedEvents = new AtomicLong();
  private final AtomicLong slowConsumersClosed = new AtomicLong();
  private volatile Engine engine;

  public Gateway(LocalClient local) {
    this(local, GatewayMetrics.NONE);
  }

  /** A gateway that reports connections, requests, errors and latency to {@code metrics}. */
  public Gateway(LocalClient local, GatewayMetrics metrics) {
    this(local, metrics, new OrganiserFeed());
  }

  /** As {@link #Gateway(LocalClient, GatewayMetrics)}, handing hunt events to {@code feed}. */
  public Gateway(LocalClient local, GatewayMetrics metrics, OrganiserFeed feed) {
    this.metrics = metrics;
    this.local = local;
    this.organiserFeed = feed;
  }

  /** Connects the gateway (and its local client) to the engine it is the egress handler of. */
  public void attach(Engine target) {
    this.engine = target;
    local.attach(target);
  }

  Engine engine() {
    Engine e = engine;
    if (e == null) {
      throw new IllegalStateException("Gateway is not attached to an engine");
    }
    return e;
  }

  public LocalClient localClient() {
    return local;
  }

  /** The organisers' event streams and board history, fed with every hunt event. */
  public OrganiserFeed organiserFeed() {
    return organiserFeed;
  }

  /** Open TCP connections (HTTP and WebSocket). */
  public int openConnections() {
    return openConnections.get();
  }

  /** Open connections that have a player handler (WebSocket, or HTTP before an upgrade). */
  public int players() {
    return connections.size();
  }

  /** Connections bound to a hunt (members that fan-out writes to); drops when they close. */
  public int boundPlayers() {
    int bound = 0;
    for (HuntMembers members : hunts.values()) {
      for (LoopMembers loop : members.loops.values()) {
        bound += loop.count.get();
      }
    }
    return bound;
  }

  /** Push events not written because their connection was not writable (slow consumer). */
  public long droppedEvents() {
    return droppedEvents.get();
  }

  /** Connections closed with 1008 SLOW_CONSUMER. */
  public long slowConsumersClosed() {
    return slowConsumersClosed.get();
  }

  void slowConsumerClosed() {
    slowConsumersClosed.incrementAndGet();
  }

  boolean tryAdmit(int maxConnections) {
    while (true) {
      int open = openConnections.get();
      if (open >= maxConnections) {
        return false;
      }
      if (openConnections.compareAndSet(open, open + 1)) {
        metrics.connectionOpened();
        return true;
      }
    }
  }

  void release() {
    openConnections.decrementAndGet();
    metrics.connectionClosed();
  }

  GatewayMetrics metrics() {
    return metrics;
  }

  /** Gives the connection its id (through {@link PlayerFrameHandler#assignId}). */
  long register(PlayerFrameHandler connection) {
    return connections.register(connection);
  }

  void unregister(long connectionId) {
    connections.unregister(connectionId);
  }

  /** The reply outbox of an event loop, made on the loop's first connection. */
  ReplyOutbox outbox(EventLoop loop) {
    return outboxes.computeIfAbsent(loop, l -> new ReplyOutbox(l, connections, alloc));
  }

  void eventDropped() {
    droppedEvents.incrementAndGet();
  }

  /** Adds a connection to its hunt's members on its event loop; called on that loop. */
  void bind(PlayerFrameHandler connection, int shard, int huntNumber) {
    HuntMembers members = hunts.computeIfAbsent(key(shard, huntNumber), k -> new HuntMembers());
    ReplyOutbox outbox = connection.outbox();
    LoopMembers loop =
        members.loops.computeIfAbsent(
            connection.loop(), l -> outbox.members(key(shard, huntNumber)));
    loop.connections.add(connection);
    loop.count.incrementAndGet();
  }

  /** Removes a connection from its hunt's members; called on its event loop. */
  void unbind(PlayerFrameHandler connection, int shard, int huntNumber) {
    HuntMembers members = hunts.get(key(shard, huntNumber));
    if (members == null) {
      return;
    }
    LoopMembers loop = members.loops.get(connection.loop());
    if (loop != null && loop.connections.remove(connection)) {
      loop.count.decrementAndGet();
    }
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
      if (connectionId < FIRST_CONNECTION_ID) {
        local.onMessage(
            shard, kind, connectionId, huntNumber, teamIdx, playerIdx, json, offset, length);
        return;
      }
      PlayerFrameHandler connection = connections.find(connectionId);
      if (connection != null) {
        connection
            .outbox()
            .offer(connectionId, shard, huntNumber, teamIdx, playerIdx, json, offset, length);
      }
      return;
    }
    local.onMessage(
        shard, kind, connectionId, huntNumber, teamIdx, playerIdx, json, offset, length);
    organiserFeed.onEvent(shard, kind, huntNumber, json, offset, length);
    if (!hunts.containsKey(key(shard, huntNumber))) {
      return;
    }
    // every loop, not only those with members now: a join whose reply is still in a loop's ring
    // binds before the loop reaches this event, so the player gets every event after its join
    int team = kind == TEAM_EVENT ? teamIdx : -1;
    for (ReplyOutbox outbox : outboxes.values()) {
      outbox.offerEvent(shard, huntNumber, team, json, offset, length);
    }
  }

  static long key(int shard, int huntNumber) {
    return ((long) shard << 32) | (huntNumber & 0xFFFF_FFFFL);
  }

  /** The connections of one hunt, grouped by event loop. */
  private static final class HuntMembers {
    final ConcurrentHashMap<EventLoop, LoopMembers> loops = new ConcurrentHashMap<>();
  }
}
