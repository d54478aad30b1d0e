package io.cairn.server;

import io.cairn.engine.Engine;
import io.cairn.engine.command.CommandEncoder;
import io.cairn.engine.command.CommandLayout;
import io.cairn.engine.command.Op;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;

/**
 * One player connection: decodes request frames into commands for the engine, and releases the
 * answers in request order.
 *
 * <p>Ordering: every request takes the next slot of a ring. A request answered here (bad envelope,
 * NOT_JOINED, OVERLOADED, ping before a join) fills its slot at once; one sent to a shard marks its
 * slot and is filled when the shard's reply arrives (a shard answers a connection's commands in
 * order). Slots are written out from the head while filled, so replies leave in request order.
 * While a join is in flight, later frames wait in a bounded queue (they need the join's binding)
 * and are replayed after its reply.
 *
 * <p>All state is touched only on the channel's event loop.
 */
final class PlayerFrameHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger("cairn.gateway");

  /** Requests of one connection not yet answered (the reply ring); more wait in the backlog. */
  static final int MAX_IN_FLIGHT = 256;

  /**
   * Reply slots a connection starts with. Most connections have a request or two in flight, so the
   * ring starts small and doubles (never shrinks) up to {@link #MAX_IN_FLIGHT} only when that many
   * requests wait at once: at most five growths in a connection's life.
   */
  static final int INITIAL_SLOTS = 8;

  /**
   * Frames waiting for a free reply slot. Reading stops as soon as one waits, so only the frames
   * already read in the same batch land here; past this bound the connection is closed (1008).
   */
  static final int MAX_BACKLOG = 8192;

  /** Frames that may wait for a join's reply; more are answered OVERLOADED. */
  static final int MAX_QUEUED = 64;

  static final long OVERLOADED_RETRY_MS = 100;

  private static final long FORCED_CLOSE_MS = 1_000;

  private static final ChannelFutureListener AFTER_CLOSE_FRAME =
      PlayerFrameHandler::afterCloseFrame;

  private static final FastThreadLocal<RequestReader> READERS =
      new FastThreadLocal<>() {
        @Override
        protected RequestReader initialValue() {
          return new RequestReader();
        }
      };

  private static final FastThreadLocal<ExpandableArrayBuffer> SCRATCH =
      new FastThreadLocal<>() {
        @Override
        protected ExpandableArrayBuffer initialValue() {
          return new ExpandableArrayBuffer(1024);
        }
      };

  private static final FastThreadLocal<CommandEncoder> ENCODERS =
      new FastThreadLocal<>() {
        @Override
        protected CommandEncoder initialValue() {
          return new CommandEncoder();
        }
      };

  /** Where a shard's error reply's code is read, for the metrics (one per event loop). */
  private static final FastThreadLocal<StringBuilder> ERROR_CODES =
      new FastThreadLocal<>() {
        @Override
        protected StringBuilder initialValue() {
          return new StringBuilder(24);
        }
      };

  /** Slot markers: waiting for a shard's reply, for a join's reply, or for a join to finish. */
  private static final Object SHARD = new Object();

  private static final Object JOIN = new Object();
  private static final Object QUEUED = new Object();

  private final Gateway gateway;
  private final GatewayLimits limits;
  private Channel channel;
  private ReplyOutbox outbox;
  private long connectionId = -1;
  private boolean flushPending;

  private int shard = -1;
  private int huntNumber = CommandLayout.NO_HUNT;
  private int teamIdx = -1;
  private int playerIdx = CommandLayout.NO_PLAYER;

  private Object[] slots = new Object[INITIAL_SLOTS];
  private int[] slotOps = new int[INITIAL_SLOTS];
  private long[] slotSentNs = new long[INITIAL_SLOTS];
  private long head;
  private long tail;
  private boolean joinInFlight;

  /** Made on first use (most connections never need them) and kept from then on. */
  private ArrayDeque<Queued> queue;

  private ArrayDeque<ByteBuf> backlog;
  private boolean replayingBacklog;

  private long windowStartMs;
  private int windowCount;
  private boolean closing;
  private boolean upgraded;

  PlayerFrameHandler(Gateway gateway, GatewayLimits limits) {
    this.gateway = gateway;
    this.limits = limits;
  }

  EventLoop loop() {
    return channel.eventLoop();
  }

  int teamIdx() {
    return teamIdx;
  }

  long connectionId() {
    return connectionId;
  }

  /** Set by the {@link ConnectionTable} before the connection can be found by its id. */
  void assignId(long id) {
    connectionId = id;
  }

  ReplyOutbox outbox() {
    return outbox;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    outbox = gateway.outbox(channel.eventLoop());
    gateway.register(this);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      upgraded = true;
      HttpRouter.leave(ctx.pipeline());
    } else if (evt instanceof IdleStateEvent) {
      if (upgraded) {
        closeWith(WebSocketCloseStatus.NORMAL_CLOSURE.code(), "idle timeout");
      } else {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    if (connectionId >= 0) {
      gateway.unregister(connectionId);
    }
    if (shard >= 0) {
      gateway.unbind(this, shard, huntNumber);
      shard = -1;
    }
    if (queue != null) {
      for (Queued q : queue) {
        q.frame.release();
      }
      queue.clear();
    }
    if (backlog != null) {
      for (ByteBuf frame : backlog) {
        frame.release();
      }
      backlog.clear();
    }
    for (long s = head; s < tail; s++) {
      ReferenceCountUtil.release(slots[index(s)] instanceof ByteBuf b ? b : null);
      slots[index(s)] = null;
    }
    head = tail;
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (closing) {
        return;
      }
      if (frame instanceof TextWebSocketFrame) {
        onText(frame.content());
      } else if (frame instanceof BinaryWebSocketFrame) {
        push(
            LocalReplies.errorPush(
                ctx.alloc(), "BAD_REQUEST", "binary frames are not accepted: send JSON text"),
            true);
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (isTooLarge(cause)) {
      if (!closing) {
        push(
            LocalReplies.errorPush(
                ctx.alloc(),
                "FRAME_TOO_LARGE",
                "frames are limited to " + limits.maxFrameBytes() + " bytes"),
            true);
        closeWith(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "FRAME_TOO_LARGE");
      }
      return;
    }
    if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      closeWith(corrupt.closeStatus().code(), "protocol error");
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, "closing connection after an error", cause);
    ctx.close();
  }

  private static boolean isTooLarge(Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      return true;
    }
    return cause instanceof CorruptedWebSocketFrameException corrupt
        && corrupt.closeStatus() != null
        && corrupt.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
  }

  // ------------------------------------------------------------------ inbound

  private void onText(ByteBuf content) {
    if (!backlogEmpty() || tail - head >= MAX_IN_FLIGHT) {
      if (backlog == null) {
        backlog = new ArrayDeque<>();
      } else if (backlog.size() >= MAX_BACKLOG) {
        closeWith(WebSocketCloseStatus.POLICY_VIOLATION.code(), "too many requests in flight");
        return;
      }
      backlog.add(content.retain());
      channel.config().setAutoRead(false);
      return;
    }
    handle(content);
  }

  /** Takes the request's reply slot, then sheds, queues behind a join, or processes it. */
  private void handle(ByteBuf content) {
    long slot = reserve(null);
    long nowMs = gateway.engine().clock().time();
    if (nowMs - windowStartMs >= 1_000 || nowMs < windowStartMs) {
      windowStartMs = nowMs;
      windowCount = 0;
    }
    if (++windowCount > limits.requestsPerSecond()) {
      long retryMs = Math.max(1, 1_000 - (nowMs - windowStartMs));
      fill(slot, overloaded(content, "too many requests on this connection", retryMs));
      return;
    }
    if (joinInFlight || !queueEmpty()) {
      if (queue == null) {
        queue = new ArrayDeque<>();
      } else if (queue.size() >= MAX_QUEUED) {
        fill(
            slot,
            overloaded(content, "too many requests waiting for the join", OVERLOADED_RETRY_MS));
        return;
      }
      slots[index(slot)] = QUEUED;
      queue.add(new Queued(content.retain(), slot));
      return;
    }
    process(content, slot);
  }

  private ByteBuf overloaded(ByteBuf content, String message, long retryMs) {
    RequestReader reader = READERS.get();
    reader.read(content);
    long id = reader.hasId() ? reader.id() : LocalReplies.NO_ID;
    return LocalReplies.error(channel.alloc(), id, "OVERLOADED", message, retryMs);
  }

  /** Decodes one request and answers it here or sends it to its shard. */
  private void process(ByteBuf content, long slot) {
    RequestReader r = READERS.get();
    if (!r.read(content)) {
      fill(
          slot,
          badRequest(r.hasId() ? r.id() : LocalReplies.NO_ID, "malformed JSON: " + r.error()));
      return;
    }
    if (!r.hasId()) {
      String why = r.badArgument() != null ? r.badArgument() : "missing id";
      fill(slot, badRequest(LocalReplies.NO_ID, why));
      return;
    }
    long id = r.id();
    if (!r.hasOp()) {
      fill(slot, badRequest(id, r.badArgument() != null ? r.badArgument() : "missing op"));
      return;
    }
    int op = r.op();
    if (op == 0) {
      fill(slot, LocalReplies.error(channel.alloc(), id, "UNKNOWN_OP", "unknown op", -1));
      return;
    }
    GatewayMetrics metrics = gateway.metrics();
    metrics.request(op);
    if (r.badArgument() != null) {
      metrics.error(op, "BAD_REQUEST");
      fill(slot, badRequest(id, r.badArgument()));
      return;
    }
    String missing = missingArgument(r, op);
    if (missing != null) {
      metrics.error(op, "BAD_REQUEST");
      fill(slot, badRequest(id, missing));
      return;
    }
    if (op == Op.PING && shard < 0) {
      fill(slot, LocalReplies.ok(channel.alloc(), id));
      return;
    }
    if (op != Op.JOIN && shard < 0) {
      metrics.error(op, "NOT_JOINED");
      fill(slot, LocalReplies.error(channel.alloc(), id, "NOT_JOINED", "join a hunt first", -1));
      return;
    }
    Engine engine = gateway.engine();
    ExpandableArrayBuffer buffer = SCRATCH.get();
    CommandEncoder e = ENCODERS.get().wrap(buffer, 0);
    long nowMs = engine.clock().time();
    int target = shard;
    if (op == Op.JOIN) {
      target = engine.shardOf(r.joinHunt());
      e.header(nowMs, connectionId, id, CommandLayout.NO_HUNT, CommandLayout.NO_PLAYER);
    } else {
      e.header(nowMs, connectionId, id, huntNumber, playerIdx);
    }
    int length = r.encodeBody(e);
    if (!engine.offer(target, op, buffer, 0, length)) {
      metrics.error(op, "OVERLOADED");
      fill(
          slot,
          LocalReplies.error(
              channel.alloc(), id, "OVERLOADED", "the hunt's queue is full", OVERLOADED_RETRY_MS));
      return;
    }
    slotOps[index(slot)] = op;
    slotSentNs[index(slot)] = System.nanoTime();
    if (op == Op.JOIN) {
      joinInFlight = true;
      slots[index(slot)] = JOIN;
    } else {
      slots[index(slot)] = SHARD;
    }
  }

  private static String missingArgument(RequestReader r, int op) {
    return switch (op) {
      case Op.JOIN -> {
        if (r.hasToken) {
          yield null;
        }
        yield !r.hasHunt
            ? "join needs hunt and name, or token"
            : !r.hasName ? "join needs name" : null;
      }
      case Op.MOVE -> !r.hasLat || !r.hasLon ? "move needs lat and lon (numbers)" : null;
      case Op.GUESS -> !r.hasPuzzle || !r.hasAnswer ? "guess needs puzzle and answer" : null;
      case Op.CLAIM -> !r.hasTreasure ? "claim needs treasure" : null;
      case Op.HINT -> !r.hasPuzzle ? "hint needs puzzle" : null;
      case Op.BOARD -> r.hasLimit && (r.limit < 1 || r.limit > 100) ? "limit must be 1-100" : null;
      default -> null;
    };
  }

  private ByteBuf badRequest(long id, String message) {
    return LocalReplies.error(channel.alloc(), id, "BAD_REQUEST", message, -1);
  }

  // ------------------------------------------------------------------ replies, in order

  /** Takes the next slot, growing the ring when it is full; the caller checked the cap. */
  private long reserve(Object marker) {
    if (tail - head == slots.length) {
      growSlots();
    }
    slots[index(tail)] = marker;
    return tail++;
  }

  /** Doubles the ring, moving each waiting slot to its index in the larger one. */
  private void growSlots() {
    int capacity = slots.length * 2;
    Object[] grownSlots = new Object[capacity];
    int[] grownOps = new int[capacity];
    long[] grownSentNs = new long[capacity];
    for (long s = head; s < tail; s++) {
      int from = index(s);
      int to = (int) (s & (capacity - 1));
      grownSlots[to] = slots[from];
      grownOps[to] = slotOps[from];
      grownSentNs[to] = slotSentNs[from];
    }
    slots = grownSlots;
    slotOps = grownOps;
    slotSentNs = grownSentNs;
  }

  private void fill(long slot, ByteBuf reply) {
    slots[index(slot)] = reply;
    drain(true);
  }

  /**
   * A shard's reply: fills the oldest slot waiting for a shard. Runs on the event loop, from the
   * loop's {@link ReplyOutbox}; what it writes is not flushed yet. Returns true when this
   * connection now has a flush pending and was not already in the outbox's list, which then calls
   * {@link #flushReplies} once at the end of its batch.
   */
  boolean onShardReply(ByteBuf reply, int fromShard, int hunt, int team, int player) {
    if (closing) {
      reply.release();
      return false;
    }
    boolean wasPending = flushPending;
    for (long s = head; s < tail; s++) {
      Object marker = slots[index(s)];
      if (marker == SHARD || marker == JOIN) {
        slots[index(s)] = reply;
        measure(index(s), reply);
        if (marker == JOIN) {
          joinInFlight = false;
          if (player != CommandLayout.NO_PLAYER) {
            bindTo(fromShard, hunt, team, player);
          }
        }
        drain(false);
        if (marker == JOIN) {
          replayQueued();
        }
        return flushPending && !wasPending;
      }
    }
    reply.release();
    return false;
  }

  /**
   * Flushes the replies {@link #onShardReply} and the events {@link #pushEvent} wrote, then checks
   * the outbound limit.
   */
  void flushReplies() {
    if (flushPending) {
      flushPending = false;
      channel.flush();
      checkOutboundLimit();
    }
  }

  /** Reports a shard reply's latency and, for an error reply, its code; allocates nothing. */
  private void measure(int slotIndex, ByteBuf reply) {
    int op = slotOps[slotIndex];
    GatewayMetrics metrics = gateway.metrics();
    metrics.latency(op, System.nanoTime() - slotSentNs[slotIndex]);
    StringBuilder errorCode = ERROR_CODES.get();
    if (LocalReplies.errorCode(reply, errorCode)) {
      metrics.error(op, errorCode);
    }
  }

  private void bindTo(int newShard, int hunt, int team, int player) {
    if (shard >= 0) {
      gateway.unbind(this, shard, huntNumber);
    }
    shard = newShard;
    huntNumber = hunt;
    teamIdx = team;
    playerIdx = player;
    gateway.bind(this, newShard, hunt);
  }

  private void replayQueued() {
    while (!joinInFlight && !closing && !queueEmpty()) {
      Queued q = queue.peek();
      try {
        process(q.frame, q.slot);
      } finally {
        queue.poll();
        q.frame.release();
      }
    }
  }

  /** Writes the filled slots from the head; flushes now, or leaves it to the reply outbox. */
  private void drain(boolean flushNow) {
    boolean wrote = false;
    while (head < tail) {
      int i = index(head);
      if (!(slots[i] instanceof ByteBuf reply)) {
        break;
      }
      slots[i] = null;
      head++;
      channel.write(
          WsFrames.frame(reply) ? reply : new TextWebSocketFrame(reply), channel.voidPromise());
      wrote = true;
    }
    if (wrote) {
      if (flushNow || closing) {
        flushPending = false;
        channel.flush();
        checkOutboundLimit();
      } else {
        flushPending = true;
      }
    }
    if (!backlogEmpty() && !replayingBacklog) {
      replayBacklog();
    }
  }

  /** Frames that waited for a free slot, in arrival order; reading resumes once all have one. */
  private void replayBacklog() {
    replayingBacklog = true;
    try {
      while (!closing && !backlogEmpty() && tail - head < MAX_IN_FLIGHT) {
        ByteBuf frame = backlog.poll();
        try {
          handle(frame);
        } finally {
          frame.release();
        }
      }
    } finally {
      replayingBacklog = false;
    }
    if (backlogEmpty() && !closing) {
      channel.config().setAutoRead(true);
    }
  }

  private boolean backlogEmpty() {
    return backlog == null || backlog.isEmpty();
  }

  private boolean queueEmpty() {
    return queue == null || queue.isEmpty();
  }

  // ------------------------------------------------------------------ pushes and closing

  /**
   * Writes a push event of a {@link ReplyOutbox} drain, already framed ({@link WsFrames}), by
   * reference: a retained duplicate, since each channel needs its own reader index (a partial
   * socket write moves it). Dropped while the channel is not writable once what it holds is flushed
   * (slow consumer). Not flushed: returns true when the connection now has a flush pending and was
   * not already in the outbox's list, which then calls {@link #flushReplies} once at the end of its
   * drain.
   */
  boolean pushEvent(ByteBuf event) {
    if (closing) {
      return false;
    }
    if (!channel.isWritable() && flushPending) {
      // the drain's own unflushed writes count against the high-water mark: hand them to the
      // socket first, so only a peer that does not read loses events
      channel.flush();
    }
    if (!channel.isWritable()) {
      gateway.eventDropped();
      checkOutboundLimit();
      return false;
    }
    channel.write(event.retainedDuplicate(), channel.voidPromise());
    boolean wasPending = flushPending;
    flushPending = true;
    return !wasPending;
  }

  private void push(ByteBuf message, boolean owned) {
    if (owned && !closing) {
      channel.writeAndFlush(new TextWebSocketFrame(message), channel.voidPromise());
    } else {
      message.release();
    }
  }

  private void checkOutboundLimit() {
    ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
    if (!closing
        && outbound != null
        && outbound.totalPendingWriteBytes() > limits.outboundLimitBytes()) {
      gateway.slowConsumerClosed();
      closeWith(WebSocketCloseStatus.POLICY_VIOLATION.code(), "SLOW_CONSUMER");
    }
  }

  /** Sends a close frame and closes; a peer that does not read is cut off after a second. */
  private void closeWith(int status, String reason) {
    if (closing) {
      return;
    }
    closing = true;
    Channel ch = channel;
    // Read (and discard) what the peer still sends: closing a socket with unread input makes the
    // kernel answer with a reset, which would destroy the close frame before the peer reads it.
    ch.config().setAutoRead(true);
    ch.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(AFTER_CLOSE_FRAME);
    ch.eventLoop().schedule(() -> ch.close(), FORCED_CLOSE_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Ends our side with a FIN once the close frame is out, and keeps reading until the peer closes
   * (or the forced close): closing at once while the peer's last requests are still unread would
   * make the kernel send a reset, which destroys the close frame before the peer reads it.
   */
  private static void afterCloseFrame(ChannelFuture written) {
    if (written.isSuccess() && written.channel() instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
    } else {
      written.channel().close();
    }
  }

  private int index(long slot) {
    return (int) (slot & (slots.length - 1));
  }

  /** A frame that arrived while a join was in flight, with the reply slot it took. */
  private record Queued(ByteBuf frame, long slot) {}
}
