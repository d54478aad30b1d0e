package io.cairn.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated player on one WebSocket connection: joins the bench hunt, then sends its requests
 * at the times of its schedule without waiting for replies (the protocol answers in order, so
 * requests may be pipelined), and matches each reply to the oldest request still unanswered. All of
 * it runs on the connection's event loop.
 */
final class PlayerConnection extends SimpleChannelInboundHandler<TextWebSocketFrame> {
  private static final byte JOIN = -1;
  private static final byte SETUP = -2;
  private static final int AT_OFFSET = "\"at\":".length();

  /**
   * Requests a connection may have unanswered; past it a due request is skipped and counted. Far
   * above what a server that keeps up ever has (the gateway itself stops reading at 256).
   */
  static final int MAX_UNANSWERED = 1024;

  private final int index;
  private final Schedule schedule;
  private final WorkerStats stats;
  private final Readiness readiness;
  private final SplittableRandom rng;
  private final Runnable fire = this::fire;
  private final StringBuilder text = new StringBuilder(128);

  private Channel channel;
  private boolean ready;
  private boolean failed;
  private long nextId = 1;
  private long nextIntendedNs;
  private double lat;
  private double lon;
  private int solvedMask;
  private int claimedMask;

  private long[] ringIntended = new long[16];
  private long[] ringId = new long[16];
  private byte[] ringOp = new byte[16];
  private int head;
  private int size;

  /** Told once per player whether it is ready to play (joined) or failed. */
  interface Readiness {
    void ready(PlayerConnection player);

    void failed(PlayerConnection player);
  }

  PlayerConnection(
      int index, long seed, Schedule schedule, WorkerStats stats, Readiness readiness) {
    this.index = index;
    this.schedule = schedule;
    this.stats = stats;
    this.readiness = readiness;
    this.rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    this.lat = BenchHunt.CENTER_LAT + (rng.nextDouble() - 0.5) * BenchHunt.AREA_DEG;
    this.lon = BenchHunt.CENTER_LON + (rng.nextDouble() - 0.5) * BenchHunt.AREA_DEG;
  }

  /** Starts this player's schedule; call on its event loop once the times are fixed. */
  void start() {
    if (channel == null || !channel.isActive()) {
      return;
    }
    nextIntendedNs = schedule.startNs + schedule.nextGapNs(rng);
    if (nextIntendedNs < schedule.endNs) {
      channel.eventLoop().schedule(fire, nextIntendedNs - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
  }

  Channel channel() {
    return channel;
  }

  int unanswered() {
    return size;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      channel = ctx.channel();
      if (schedule.echo) {
        markReady();
      } else {
        text.setLength(0);
        text.append("{\"id\":0,\"op\":\"join\",\"hunt\":\"")
            .append(BenchHunt.ID)
            .append("\",\"name\":\"p")
            .append(index)
            .append("\"}");
        send(JOIN, System.nanoTime(), 0);
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  private void fire() {
    if (!channel.isActive()) {
      return;
    }
    long intended = nextIntendedNs;
    Op op = schedule.pick(rng);
    if (size >= MAX_UNANSWERED) {
      stats.skipped.increment(); // bounded memory when the server is far behind; reported
    } else {
      op = build(op, nextId);
      long now = System.nanoTime();
      stats.sent.increment();
      stats.sentByOp[op.ordinal()].increment();
      if (schedule.measured(intended)) {
        stats.sendLag.recordValue(Math.max(0, now - intended));
      }
      send((byte) op.ordinal(), intended, nextId++);
    }
    nextIntendedNs = intended + schedule.nextGapNs(rng);
    if (nextIntendedNs < schedule.endNs) {
      channel.eventLoop().schedule(fire, nextIntendedNs - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
  }

  /** Writes the request of {@code op} into {@link #text}; returns the op actually built. */
  private Op build(Op op, long id) {
    text.setLength(0);
    text.append("{\"id\":").append(id).append(",\"op\":\"");
    switch (op) {
      case MOVE -> appendMove();
      case SCAN -> text.append("scan\"}");
      case BOARD -> text.append("board\",\"limit\":10}");
      case GUESS_WRONG -> {
        int puzzle = rng.nextInt(BenchHunt.PUZZLES);
        for (int i = 0; i < BenchHunt.PUZZLES && (solvedMask & (1 << puzzle)) != 0; i++) {
          puzzle = (puzzle + 1) % BenchHunt.PUZZLES;
        }
        appendGuess(puzzle, "wrong" + rng.nextInt(1000));
        text.append('}');
      }
      case GUESS_RIGHT -> {
        int puzzle = Integer.numberOfTrailingZeros(~solvedMask);
        if (puzzle >= BenchHunt.PUZZLES) {
          appendMove(); // everything solved: a right guess would only be ALREADY_SOLVED
          return Op.MOVE;
        }
        solvedMask |= 1 << puzzle;
        appendGuess(puzzle, BenchHunt.answer(puzzle));
        appendEchoPush("solved");
      }
      case CLAIM -> {
        int treasure = Integer.numberOfTrailingZeros(~claimedMask);
        if (treasure >= BenchHunt.TREASURES) {
          appendMove();
          return Op.MOVE;
        }
        claimedMask |= 1 << treasure;
        text.append("claim\",\"treasure\":\"")
            .append(BenchHunt.treasure(treasure))
            .append("\",\"code\":\"")
            .append(BenchHunt.code(treasure))
            .append('"');
        appendEchoPush("claimed");
      }
    }
    return op;
  }

  private void appendMove() {
    double stepDeg = BenchHunt.AREA_DEG / 10;
    lat = clamp(lat + (rng.nextDouble() - 0.5) * stepDeg, BenchHunt.CENTER_LAT);
    lon = clamp(lon + (rng.nextDouble() - 0.5) * stepDeg, BenchHunt.CENTER_LON);
    text.append("move\",\"lat\":").append(lat).append(",\"lon\":").append(lon).append('}');
  }

  private static double clamp(double v, double center) {
    double half = BenchHunt.AREA_DEG / 2;
    return Math.max(center - half, Math.min(center + half, v));
  }

  private void appendGuess(int puzzle, String answer) {
    text.append("guess\",\"puzzle\":\"")
        .append(BenchHunt.puzzle(puzzle))
        .append("\",\"answer\":\"")
        .append(answer)
        .append('"');
  }

  /**
   * Closes the request; against the echo server, first marks it as one that pushes {@code event} to
   * every player (cairn-server's {@code EchoFanOut}), which Cairn does by itself.
   */
  private void appendEchoPush(String event) {
    if (schedule.echo) {
      text.append(",\"push\":\"").append(event).append('"');
    }
    text.append('}');
  }

  private void send(byte op, long intendedNs, long id) {
    if (size == ringOp.length) {
      grow();
    }
    int slot = (head + size) % ringOp.length;
    ringOp[slot] = op;
    ringIntended[slot] = intendedNs;
    ringId[slot] = id;
    size++;
    ByteBuf buf = ByteBufUtil.writeUtf8(channel.alloc(), text);
    channel.writeAndFlush(new TextWebSocketFrame(buf), channel.voidPromise());
  }

  private void grow() {
    int n = ringOp.length;
    long[] intended = new long[n * 2];
    long[] ids = new long[n * 2];
    byte[] ops = new byte[n * 2];
    for (int i = 0; i < size; i++) {
      int from = (head + i) % n;
      intended[i] = ringIntended[from];
      ids[i] = ringId[from];
      ops[i] = ringOp[from];
    }
    ringIntended = intended;
    ringId = ids;
    ringOp = ops;
    head = 0;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
    ByteBuf b = frame.content();
    int r = b.readerIndex();
    if (b.readableBytes() > 8 && b.getByte(r + 2) == 'e' && b.getByte(r + 3) == 'v') {
      onPush(b);
      return;
    }
    long now = System.nanoTime();
    int p = r + 6; // after {"re": (or {"id": from the echo server)
    long id = 0;
    int end = b.writerIndex();
    while (p < end) {
      byte c = b.getByte(p);
      if (c < '0' || c > '9') {
        break;
      }
      id = id * 10 + (c - '0');
      p++;
    }
    if (size == 0) {
      stats.outOfOrder.increment();
      return;
    }
    byte op = ringOp[head];
    long intended = ringIntended[head];
    long expectedId = ringId[head];
    head = (head + 1) % ringOp.length;
    size--;
    if (id != expectedId) {
      stats.outOfOrder.increment();
    }
    boolean failed = !schedule.echo && p + 6 < end && b.getByte(p + 6) == 'f';
    if (op == JOIN) {
      if (failed) {
        stats.error("join", errorCode(b));
        fail();
        channel.close();
        return;
      }
      stats.join.recordValue(Math.max(0, now - intended));
      text.setLength(0);
      text.append("{\"id\":").append(nextId).append(",\"op\":\"");
      appendMove();
      send(SETUP, now, nextId++);
      markReady();
      return;
    }
    if (op == SETUP) {
      if (failed) {
        stats.error("move", errorCode(b));
      }
      return;
    }
    stats.replies.increment();
    stats.repliesByOp[op].increment();
    if (schedule.measured(now)) {
      stats.measuredReplies.increment();
    }
    if (schedule.measured(intended)) {
      long latencyNs = Math.max(0, now - intended); // never negative but on a test clock
      stats.byOp[op].recordValue(latencyNs);
      stats.all.recordValue(latencyNs);
    }
    if (failed) {
      stats.error(Op.of(op).key(), errorCode(b));
    }
  }

  private void onPush(ByteBuf b) {
    stats.pushes.increment();
    int r = b.readerIndex();
    if (b.readableBytes() < 20 || b.getByte(r + 7) != 'c' || b.getByte(r + 8) != 'l') {
      return;
    }
    String event = b.toString(StandardCharsets.UTF_8);
    if (!event.startsWith("{\"ev\":\"claimed\"")) {
      return;
    }
    stats.claimedPushes.increment();
    int at = event.indexOf("\"at\":");
    if (at < 0) {
      return;
    }
    long atMs = 0;
    for (int i = at + AT_OFFSET; i < event.length(); i++) {
      char c = event.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      atMs = atMs * 10 + (c - '0');
    }
    Instant now = Instant.now();
    long nowUs = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    long atEpochNs = atMs * 1_000_000L;
    if (schedule.measuredEpochMs(atMs)) {
      stats.claimedDelivery.recordValue(Math.max(0, nowUs * 1_000L - atEpochNs));
    }
  }

  private static String errorCode(ByteBuf b) {
    String reply = b.toString(StandardCharsets.UTF_8);
    int c = reply.indexOf("\"code\":\"");
    if (c < 0) {
      return "UNKNOWN";
    }
    int from = c + 8;
    int to = reply.indexOf('"', from);
    return to < 0 ? "UNKNOWN" : reply.substring(from, to);
  }

  private void markReady() {
    if (!ready && !failed) {
      ready = true;
      readiness.ready(this);
    }
  }

  private void fail() {
    if (!ready && !failed) {
      failed = true;
      readiness.failed(this);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (!ready) {
      fail();
    } else if (System.nanoTime() < schedule.endNs || size > 0) {
      stats.closedEarly.increment();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LoadWorker.warn("player " + index + ": " + cause);
    ctx.close();
  }
}
