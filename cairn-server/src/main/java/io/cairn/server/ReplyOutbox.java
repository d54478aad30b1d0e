package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Shard replies and push events on their way to one event loop, without a task or a buffer object
 * per message.
 *
 * <p>Shard threads copy each reply's bytes, with its routing, straight into this loop's many-to-one
 * ring (the engine's own kind of queue); the first reply into an idle outbox schedules the outbox
 * itself as the loop's task, which drains everything queued, copies each reply into a pooled buffer
 * on the loop (where Netty's pool recycles it) and flushes each touched connection once per drain.
 * An event is copied once per loop, then written by reference to each of the loop's members of its
 * hunt ({@link LoopMembers}), so a drain that carries several events and replies for a connection
 * costs it one flush, one system call. This is the batching Netty servers use for writes from other
 * threads (an MPSC queue plus a "scheduled" flag, so a burst costs one wake-up) instead of one
 * {@code execute} per message.
 *
 * <p>Order is kept: a connection's replies come from one shard at a time, which writes them in
 * order into one ring; a hunt's events come from its shard, into the same ring, so a connection
 * gets its shard's replies and events in the order the shard produced them (a reply still waits for
 * the replies of earlier requests: {@link PlayerFrameHandler}). A full ring makes the shard thread
 * wait for the loop to drain (backpressure on the shard, never a dropped reply); a reply too large
 * for the ring travels as a pooled buffer beside it, its place in the ring held by a token.
 */
final class ReplyOutbox implements Runnable, MessageHandler {
  /** Ring capacity; a reply up to an eighth of it travels inside the ring. */
  static final int CAPACITY_BYTES = 2 * 1024 * 1024;

  /** Replies handled per run before the loop gets back to its sockets. */
  static final int MAX_PER_RUN = 4096;

  private static final int REPLY = 1;
  private static final int LARGE_REPLY = 2;
  private static final int EVENT = 3;
  private static final int LARGE_EVENT = 4;
  private static final int CONNECTION_OFFSET = 0;
  private static final int SHARD_OFFSET = 8;
  private static final int HUNT_OFFSET = 12;
  private static final int TEAM_OFFSET = 16;
  private static final int PLAYER_OFFSET = 20;
  private static final int ROUTING_BYTES = 24;

  private final EventLoop loop;
  private final ConnectionTable connections;
  private final ByteBufAllocator alloc;
  private final ManyToOneRingBuffer ring;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ConcurrentHashMap<Long, ByteBuf> large = new ConcurrentHashMap<>();
  private final AtomicLong nextLargeToken = new AtomicLong();
  private final UnsafeBuffer copyTarget = new UnsafeBuffer(0, 0);
  private final ArrayList<PlayerFrameHandler> toFlush = new ArrayList<>();
  private final Long2ObjectHashMap<LoopMembers> hunts = new Long2ObjectHashMap<>();

  ReplyOutbox(EventLoop loop, ConnectionTable connections, ByteBufAllocator alloc) {
    this.loop = loop;
    this.connections = connections;
    this.alloc = alloc;
    this.ring =
        new ManyToOneRingBuffer(
            new UnsafeBuffer(
                ByteBuffer.allocateDirect(CAPACITY_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
  }

  /**
   * Queues a reply for a connection of this loop; called on a shard thread. Returns false when the
   * loop is shutting down (the reply is dropped with the connection).
   */
  boolean offer(
      long connectionId,
      int shard,
      int huntNumber,
      int teamIdx,
      int playerIdx,
      DirectBuffer json,
      int offset,
      int length) {
    return enqueue(
        false, connectionId, shard, huntNumber, teamIdx, playerIdx, json, offset, length);
  }

  /**
   * Queues a hunt event for this loop's members of the hunt (of one team when {@code teamIdx} is
   * not -1); called on the hunt's shard thread. Returns false when the loop is shutting down.
   */
  boolean offerEvent(
      int shard, int huntNumber, int teamIdx, DirectBuffer json, int offset, int length) {
    return enqueue(true, 0, shard, huntNumber, teamIdx, -1, json, offset, length);
  }

  private boolean enqueue(
      boolean event,
      long connectionId,
      int shard,
      int huntNumber,
      int teamIdx,
      int playerIdx,
      DirectBuffer json,
      int offset,
      int length) {
    boolean inRing = ROUTING_BYTES + length <= ring.maxMsgLength();
    int type = event ? (inRing ? EVENT : LARGE_EVENT) : (inRing ? REPLY : LARGE_REPLY);
    int index;
    while ((index = ring.tryClaim(type, ROUTING_BYTES + (inRing ? length : 8))) < 0) {
      if (loop.isShuttingDown()) {
        return false;
      }
      schedule();
      Thread.onSpinWait();
    }
    MutableDirectBuffer b = ring.buffer();
    b.putLong(index + CONNECTION_OFFSET, connectionId);
    b.putInt(index + SHARD_OFFSET, shard);
    b.putInt(index + HUNT_OFFSET, huntNumber);
    b.putInt(index + TEAM_OFFSET, teamIdx);
    b.putInt(index + PLAYER_OFFSET, playerIdx);
    if (inRing) {
      b.putBytes(index + ROUTING_BYTES, json, offset, length);
    } else {
      long token = nextLargeToken.getAndIncrement();
      byte[] bytes = new byte[length];
      json.getBytes(offset, bytes);
      ByteBuf copy = WsFrames.allocate(alloc, length).writeBytes(bytes);
      large.put(token, copy);
      b.putLong(index + ROUTING_BYTES, token);
    }
    ring.commit(index);
    schedule();
    return true;
  }

  /**
   * This loop's members of a hunt ({@link Gateway#key}), made on first use; on the loop only, which
   * is where the gateway binds its connections.
   */
  LoopMembers members(long huntKey) {
    LoopMembers members = hunts.get(huntKey);
    if (members == null) {
      members = new LoopMembers(this);
      hunts.put(huntKey, members);
    }
    return members;
  }

  private void schedule() {
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      try {
        loop.execute(this);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
      }
    }
  }

  /** Drains the ring on the event loop. */
  @Override
  public void run() {
    scheduled.set(false);
    int read = ring.read(this, MAX_PER_RUN);
    for (int i = 0, n = toFlush.size(); i < n; i++) {
      toFlush.get(i).flushReplies();
    }
    toFlush.clear();
    if (read == MAX_PER_RUN || ring.size() > 0) {
      schedule();
    }
  }

  @Override
  public void onMessage(int msgTypeId, MutableDirectBuffer buffer, int index, int length) {
    int shard = buffer.getInt(index + SHARD_OFFSET);
    int huntNumber = buffer.getInt(index + HUNT_OFFSET);
    int teamIdx = buffer.getInt(index + TEAM_OFFSET);
    boolean event = msgTypeId == EVENT || msgTypeId == LARGE_EVENT;
    LoopMembers members = event ? hunts.get(Gateway.key(shard, huntNumber)) : null;
    ByteBuf message;
    if (msgTypeId == LARGE_REPLY || msgTypeId == LARGE_EVENT) {
      message = large.remove(buffer.getLong(index + ROUTING_BYTES));
    } else if (event && (members == null || members.connections.isEmpty())) {
      return;
    } else {
      int jsonLength = length - ROUTING_BYTES;
      message = WsFrames.allocate(alloc, jsonLength);
      copyInto(message, buffer, index + ROUTING_BYTES, jsonLength);
    }
    if (event) {
      fanOut(message, members, teamIdx);
      return;
    }
    PlayerFrameHandler connection = connections.find(buffer.getLong(index + CONNECTION_OFFSET));
    if (connection == null || connection.loop() != loop) {
      message.release();
      return;
    }
    if (connection.onShardReply(
        message, shard, huntNumber, teamIdx, buffer.getInt(index + PLAYER_OFFSET))) {
      toFlush.add(connection);
    }
  }

  /**
   * Writes one event to every member (of the team, when teamIdx is set); flushed after the drain.
   */
  private void fanOut(ByteBuf event, LoopMembers members, int teamIdx) {
    try {
      if (members == null) {
        return;
      }
      WsFrames.frame(event);
      ArrayList<PlayerFrameHandler> list = members.connections;
      for (int i = 0, n = list.size(); i < n; i++) {
        PlayerFrameHandler connection = list.get(i);
        if ((teamIdx < 0 || connection.teamIdx() == teamIdx) && connection.pushEvent(event)) {
          toFlush.add(connection);
        }
      }
    } finally {
      event.release();
    }
  }

  /** Copies ring bytes into a pooled buffer; on the event loop only. */
  private void copyInto(ByteBuf out, DirectBuffer src, int offset, int length) {
    out.ensureWritable(length);
    if (out.hasMemoryAddress()) {
      copyTarget.wrap(out.memoryAddress() + out.writerIndex(), length);
      src.getBytes(offset, copyTarget, 0, length);
      out.writerIndex(out.writerIndex() + length);
    } else {
      for (int i = 0; i < length; i++) {
        out.writeByte(src.getByte(offset + i));
      }
    }
  }
}
