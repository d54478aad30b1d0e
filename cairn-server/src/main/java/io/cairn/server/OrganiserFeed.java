package io.cairn.server;

import io.cairn.engine.egress.EgressHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;

/**
 * The organisers' view of the hunts' push events: the gateway hands it every hunt event (on the
 * shard thread, after the batch is durable, exactly as the players get them), and it
 *
 * <ul>
 *   <li>keeps each hunt's {@code board} events in a bounded {@link BoardHistory}, and its last
 *       {@link #RECENT_EVENTS} other events in {@link RecentEvents};
 *   <li>streams the events of a hunt to the organisers subscribed to it, as Server-Sent Events
 *       ({@code data: <event JSON>\n\n}) on their HTTP connections, starting with the recent
 *       events.
 * </ul>
 *
 * <p>Streaming costs players nothing: with no subscriber an event costs one volatile read; with
 * subscribers it is copied once into a pooled buffer and each subscriber's event loop writes a
 * reference to it. A subscriber whose connection stops being writable (its outbound buffer passed
 * the server's {@code outbound-high-water-bytes}) is disconnected at once, never buffered for: the
 * dashboard reconnects and reloads what it shows.
 */
public final class OrganiserFeed {
  /** Organiser streams open at once, server-wide. */
  public static final int MAX_SUBSCRIBERS = 64;

  /** Board samples kept per hunt: two hours at the default interval. */
  public static final int HISTORY_CAPACITY = 720;

  /** Default interval between board samples. */
  public static final long HISTORY_SAMPLE_MS = 10_000;

  /**
   * A comment line every so often keeps proxies from timing the stream out and finds dead peers.
   */
  static final long HEARTBEAT_S = 15;

  /** Events other than board pushes kept per hunt, replayed to a new stream. */
  public static final int RECENT_EVENTS = 100;

  private static final byte[] BOARD_PREFIX =
      "{\"ev\":\"board\",".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AT_FIELD = "\"at\":".getBytes(StandardCharsets.US_ASCII);
  private static final ByteBuf DATA = constant("data: ");
  private static final ByteBuf END = constant("\n\n");
  private static final ByteBuf HEARTBEAT = constant(": heartbeat\n\n");

  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private final int historyCapacity;
  private final long historySampleMs;
  private final ConcurrentHashMap<Long, CopyOnWriteArrayList<Subscriber>> subscribers =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, BoardHistory> histories = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, RecentEvents> recent = new ConcurrentHashMap<>();
  private final AtomicInteger subscriberCount = new AtomicInteger();
  private final AtomicLong slowDropped = new AtomicLong();

  public OrganiserFeed() {
    this(HISTORY_CAPACITY, HISTORY_SAMPLE_MS);
  }

  /** A feed keeping {@code historyCapacity} board samples per hunt, one per {@code sampleMs}. */
  public OrganiserFeed(int historyCapacity, long historySampleMs) {
    if (historyCapacity < 1 || historySampleMs < 0) {
      throw new IllegalArgumentException("history needs a capacity of 1 or more");
    }
    this.historyCapacity = historyCapacity;
    this.historySampleMs = historySampleMs;
  }

  /** The interval of the board history's samples. */
  public long historySampleMs() {
    return historySampleMs;
  }

  /** Organiser streams open now. */
  public int subscribers() {
    return subscriberCount.get();
  }

  /** Streams closed because their reader fell behind. */
  public long slowSubscribersDropped() {
    return slowDropped.get();
  }

  /** The hunt's board samples, oldest first, each a board event as UTF-8 JSON. */
  public List<byte[]> boardHistory(int shard, int huntNumber) {
    BoardHistory history = histories.get(key(shard, huntNumber));
    return history == null ? List.of() : history.samples();
  }

  /** The hunt's last events other than board pushes, oldest first, each as UTF-8 JSON. */
  public List<byte[]> recentEvents(int shard, int huntNumber) {
    RecentEvents events = recent.get(key(shard, huntNumber));
    return events == null ? List.of() : events.events();
  }

  /**
   * Makes {@code channel} a stream of the hunt's events. Called on the channel's event loop, which
   * runs the first event sent to it only after the caller returns: write the response head and the
   * {@link #recentEvents} before returning. False when {@link #MAX_SUBSCRIBERS} streams are open
   * already.
   */
  public boolean subscribe(Channel channel, int shard, int huntNumber) {
    while (true) {
      int open = subscriberCount.get();
      if (open >= MAX_SUBSCRIBERS) {
        return false;
      }
      if (subscriberCount.compareAndSet(open, open + 1)) {
        break;
      }
    }
    long key = key(shard, huntNumber);
    Subscriber subscriber = new Subscriber(channel);
    subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(subscriber);
    subscriber.heartbeat =
        channel
            .eventLoop()
            .scheduleAtFixedRate(subscriber::heartbeat, HEARTBEAT_S, HEARTBEAT_S, TimeUnit.SECONDS);
    channel
        .closeFuture()
        .addListener(
            f -> {
              subscriber.heartbeat.cancel(false);
              List<Subscriber> list = subscribers.get(key);
              if (list != null && list.remove(subscriber)) {
                subscriberCount.decrementAndGet();
              }
            });
    return true;
  }

  /** Called by the gateway on the shard thread for every push event, once it is durable. */
  void onEvent(int shard, int kind, int huntNumber, DirectBuffer json, int offset, int length) {
    if (kind != EgressHandler.HUNT_EVENT) {
      return;
    }
    if (startsWith(json, offset, length, BOARD_PREFIX)) {
      histories
          .computeIfAbsent(
              key(shard, huntNumber), k -> new BoardHistory(historyCapacity, historySampleMs))
          .record(json, offset, length, atMs(json, offset, length));
    } else {
      recent
          .computeIfAbsent(key(shard, huntNumber), k -> new RecentEvents(RECENT_EVENTS))
          .record(json, offset, length);
    }
    if (subscriberCount.get() == 0) {
      return;
    }
    List<Subscriber> list = subscribers.get(key(shard, huntNumber));
    if (list == null || list.isEmpty()) {
      return;
    }
    ByteBuf event = alloc.directBuffer(length, length);
    json.getBytes(offset, event.nioBuffer(0, length), 0, length);
    event.writerIndex(length);
    try {
      for (Subscriber subscriber : list) {
        event.retain();
        try {
          subscriber.channel.eventLoop().execute(new Send(subscriber, event));
        } catch (RejectedExecutionException e) {
          event.release();
        }
      }
    } finally {
      event.release();
    }
  }

  /** A buffer written by duplicate, never released. */
  private static ByteBuf constant(String text) {
    return Unpooled.unreleasableBuffer(
        Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private static boolean startsWith(DirectBuffer json, int offset, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (json.getByte(offset + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The event's {@code "at"} (every event carries it in its envelope), or 0. */
  static long atMs(DirectBuffer json, int offset, int length) {
    int end = offset + length;
    outer:
    for (int i = offset; i + AT_FIELD.length < end; i++) {
      for (int j = 0; j < AT_FIELD.length; j++) {
        if (json.getByte(i + j) != AT_FIELD[j]) {
          continue outer;
        }
      }
      long value = 0;
      for (int k = i + AT_FIELD.length; k < end; k++) {
        byte b = json.getByte(k);
        if (b < '0' || b > '9') {
          break;
        }
        value = value * 10 + (b - '0');
      }
      return value;
    }
    return 0;
  }

  private static long key(int shard, int huntNumber) {
    return ((long) shard << 32) | (huntNumber & 0xFFFF_FFFFL);
  }

  private final class Subscriber {
    final Channel channel;
    ScheduledFuture<?> heartbeat;

    Subscriber(Channel channel) {
      this.channel = channel;
    }

    /** On the event loop: a reader that is not keeping up is cut off, never waited for. */
    boolean keepingUp() {
      if (channel.isWritable()) {
        return true;
      }
      if (channel.isOpen()) {
        slowDropped.incrementAndGet();
        channel.close();
      }
      return false;
    }

    void heartbeat() {
      if (channel.isActive() && keepingUp()) {
        channel.writeAndFlush(HEARTBEAT.duplicate());
      }
    }
  }

  /** Writes {@code json} to {@code channel} as one event block; the caller flushes. */
  public static void writeEvent(Channel channel, byte[] json) {
    channel.write(DATA.duplicate());
    channel.write(Unpooled.wrappedBuffer(json));
    channel.write(END.duplicate());
  }

  /** Writes one event to one subscriber, on its event loop. */
  private static final class Send implements Runnable {
    private final Subscriber subscriber;
    private final ByteBuf event;

    Send(Subscriber subscriber, ByteBuf event) {
      this.subscriber = subscriber;
      this.event = event;
    }

    @Override
    public void run() {
      Channel channel = subscriber.channel;
      if (!channel.isActive() || !subscriber.keepingUp()) {
        event.release();
        return;
      }
      channel.write(DATA.duplicate());
      channel.write(event.duplicate());
      channel.writeAndFlush(END.duplicate());
    }
  }
}
