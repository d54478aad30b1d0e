package io.cairn.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The push side of {@code cairn echo}: a frame the load generator marks as a claim or a right guess
 * makes the echo server send an event shaped and sized like Cairn's {@code claimed} or {@code
 * solved} to every connection that completed the WebSocket handshake, so {@code cairn bench
 * --target echo} measures what the bare stack needs to deliver one event to all players.
 *
 * <p>The way it is sent is the cheapest one a plain Netty server would write, so the ceiling is not
 * lowered by bookkeeping: the event is encoded once into one pooled buffer, each event loop gets
 * one task for all of its handshaken connections, and that task writes a retained duplicate of the
 * buffer to each (each channel needs its own reader index) with the stock WebSocket encoder,
 * flushing each connection at once. {@code DefaultChannelGroup.writeAndFlush} would cost one
 * cross-thread task and one future per connection on another loop (10,000 of each for one event),
 * which measures the group's bookkeeping rather than the stack; Cairn's gateway batches per loop as
 * well ({@link ReplyOutbox}). Unlike Cairn, nothing is dropped for a connection that is not
 * writable: the echo server bounds nothing.
 *
 * <p>The mark is the last field of the request: {@code ,"push":"claimed"} (the event names the
 * request's {@code treasure}) or {@code ,"push":"solved"} (its {@code puzzle}). The event's {@code
 * at} is the server's epoch milliseconds when the marked frame arrived; {@code team} is {@code p}
 * and the sender's connection number, as long as a bench player's name.
 *
 * <pre>
 * {"ev":"claimed","seq":12,"at":1795314710838,"treasure":"t3","team":"p417","first":false}
 * {"ev":"solved","seq":13,"at":1795314710840,"puzzle":"p0","team":"p417"}
 * </pre>
 */
final class EchoFanOut {
  static final String CLAIMED_MARK = ",\"push\":\"claimed\"}";
  static final String SOLVED_MARK = ",\"push\":\"solved\"}";
  private static final byte[] CLAIMED_MARK_BYTES = CLAIMED_MARK.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SOLVED_MARK_BYTES = SOLVED_MARK.getBytes(StandardCharsets.US_ASCII);

  private final ConcurrentHashMap<EventLoop, LoopChannels> loops = new ConcurrentHashMap<>();
  private final Set<String> claimedTreasures = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextSeq = new AtomicLong(1);
  private final AtomicInteger nextConnection = new AtomicInteger(1);

  /** The handshaken connections of one event loop; touched on that loop only. */
  private static final class LoopChannels {
    final ArrayList<Channel> channels = new ArrayList<>();
  }

  /** Adds a connection that completed the handshake; call on its event loop. Returns its number. */
  int joined(Channel channel) {
    loops.computeIfAbsent(channel.eventLoop(), loop -> new LoopChannels()).channels.add(channel);
    return nextConnection.getAndIncrement();
  }

  /** Removes a closed connection; call on its event loop. */
  void left(Channel channel) {
    LoopChannels members = loops.get(channel.eventLoop());
    if (members != null) {
      members.channels.remove(channel);
    }
  }

  /**
   * Sends the event a marked request asks for, if it is marked, to every handshaken connection.
   * Returns whether it was.
   */
  boolean onRequest(ByteBuf request, int connection, ByteBufAllocator alloc) {
    String event;
    if (endsWith(request, CLAIMED_MARK_BYTES)) {
      long arrivedEpochMs = System.currentTimeMillis();
      String text = request.toString(StandardCharsets.UTF_8);
      String treasure = field(text, "treasure");
      event =
          "{\"ev\":\"claimed\",\"seq\":"
              + nextSeq.getAndIncrement()
              + ",\"at\":"
              + arrivedEpochMs
              + ",\"treasure\":\""
              + treasure
              + "\",\"team\":\"p"
              + connection
              + "\",\"first\":"
              + claimedTreasures.add(treasure)
              + "}";
    } else if (endsWith(request, SOLVED_MARK_BYTES)) {
      long arrivedEpochMs = System.currentTimeMillis();
      String text = request.toString(StandardCharsets.UTF_8);
      event =
          "{\"ev\":\"solved\",\"seq\":"
              + nextSeq.getAndIncrement()
              + ",\"at\":"
              + arrivedEpochMs
              + ",\"puzzle\":\""
              + field(text, "puzzle")
              + "\",\"team\":\"p"
              + connection
              + "\"}";
    } else {
      return false;
    }
    broadcast(ByteBufUtil.writeUtf8(alloc, event));
    return true;
  }

  /** Hands one reference of {@code event} to each loop's task; releases the caller's. */
  private void broadcast(ByteBuf event) {
    try {
      for (var entry : loops.entrySet()) {
        LoopChannels members = entry.getValue();
        event.retain();
        try {
          entry.getKey().execute(() -> writeAll(members, event));
        } catch (RejectedExecutionException e) {
          event.release(); // the server is stopping: that loop's connections are closing
        }
      }
    } finally {
      event.release();
    }
  }

  private static void writeAll(LoopChannels members, ByteBuf event) {
    try {
      ArrayList<Channel> channels = members.channels;
      for (int i = 0, n = channels.size(); i < n; i++) {
        Channel channel = channels.get(i);
        channel.writeAndFlush(
            new TextWebSocketFrame(event.retainedDuplicate()), channel.voidPromise());
      }
    } finally {
      event.release();
    }
  }

  private static boolean endsWith(ByteBuf buf, byte[] suffix) {
    int from = buf.writerIndex() - suffix.length;
    if (from < buf.readerIndex()) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (buf.getByte(from + i) != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string value of {@code "key":"..."} in a flat request, or "" when there is none or it holds
   * an escape or a control character (copied as is, it could break the event's JSON).
   */
  static String field(String json, String key) {
    String start = "\"" + key + "\":\"";
    int from = json.indexOf(start);
    if (from < 0) {
      return "";
    }
    from += start.length();
    int to = json.indexOf('"', from);
    if (to < 0) {
      return "";
    }
    for (int i = from; i < to; i++) {
      char c = json.charAt(i);
      if (c < 0x20 || c == '\\') {
        return "";
      }
    }
    return json.substring(from, to);
  }
}
