package io.cairn.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One client process of {@code cairn bench}: opens its share of the players from its own loopback
 * source address, then plays the schedule when the coordinator says go. It talks to the coordinator
 * in lines: commands on stdin ({@code GO <epoch ms>}, {@code STOP}), reports on stdout:
 *
 * <pre>
 *   C connected failed                         each second while connecting
 *   READY connected failed                     all players joined (or failed)
 *   T sent replies errors closed histogram     each second of the run; latencies of that second
 *   OP op sent replies histogram               at the end, one per op, the measured part
 *   JOIN histogram / LAG histogram             join latency; lateness of the generator itself
 *   PUSH pushes claimed histogram              claimed events: from their `at` to arrival here
 *   ERR op code count                          error replies
 *   DONE sent replies errors unanswered outOfOrder closedEarly measuredReplies skipped
 * </pre>
 *
 * Diagnostics go to stderr. The process ends by itself after the run and its drain, on {@code
 * STOP}, or when stdin closes (the coordinator is gone).
 */
public final class LoadWorker {
  private static final int MAX_FRAME_BYTES = 1 << 20;
  private static final long CONNECT_GRACE_MS = 60_000;
  private static final AtomicInteger WARNINGS = new AtomicInteger();
  private static final int MAX_WARNINGS = 20;

  private final Scenario scenario;
  private final int firstPlayer;
  private final int count;
  private final String source;
  private final URI uri;
  private final Schedule schedule;
  private final WorkerStats stats = new WorkerStats();
  private final List<PlayerConnection> ready = new ArrayList<>();
  private final CountDownLatch settled;
  private final PrintStream out;
  private final LongAdder failed = new LongAdder();

  LoadWorker(
      Scenario scenario, int firstPlayer, int count, String source, URI uri, PrintStream out) {
    this.scenario = scenario;
    this.firstPlayer = firstPlayer;
    this.count = count;
    this.source = source;
    this.uri = uri;
    this.schedule = new Schedule(scenario);
    this.settled = new CountDownLatch(count);
    this.out = out;
  }

  /** Runs the worker described by the properties file {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> scenarioKeys = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!key.startsWith("worker.")) {
        scenarioKeys.put(key, p.getProperty(key));
      }
    }
    LoadWorker worker =
        new LoadWorker(
            Scenario.of(scenarioKeys),
            Integer.parseInt(p.getProperty("worker.first-player")),
            Integer.parseInt(p.getProperty("worker.players")),
            p.getProperty("worker.source"),
            URI.create(p.getProperty("worker.url")),
            System.out);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    worker.run(in, Boolean.parseBoolean(p.getProperty("worker.idle")));
    System.out.flush();
    System.exit(0);
  }

  static void warn(String message) {
    if (WARNINGS.incrementAndGet() <= MAX_WARNINGS) {
      System.err.println(message);
    }
  }

  void run(BufferedReader in, boolean idle) throws IOException, InterruptedException {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(scenario.clientThreads(), io);
    try {
      connectAll(group, epoll);
      String line = in.readLine(); // idle: held open until STOP (or the end of stdin)
      if (idle || line == null || !line.startsWith("GO ")) {
        return;
      }
      play(Long.parseLong(line.substring(3).trim()));
    } finally {
      for (PlayerConnection player : ready) {
        player.channel().close();
      }
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }

  private void connectAll(EventLoopGroup group, boolean epoll) throws InterruptedException {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .localAddress(new InetSocketAddress(source, 0));
    WebSocketClientProtocolConfig ws =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .handshakeTimeoutMillis(30_000)
            .dropPongFrames(true)
            .build();
    PlayerConnection.Readiness readiness =
        new PlayerConnection.Readiness() {
          @Override
          public void ready(PlayerConnection player) {
            synchronized (LoadWorker.this.ready) {
              LoadWorker.this.ready.add(player);
            }
            stats.connected.increment();
            settled.countDown();
          }

          @Override
          public void failed(PlayerConnection player) {
            failed.increment();
            settled.countDown();
          }
        };
    InetSocketAddress remote = new InetSocketAddress(uri.getHost(), uri.getPort());
    long rampNs = scenario.rampUpMs() * 1_000_000L;
    long begin = System.nanoTime();
    AtomicInteger opened = new AtomicInteger();
    Runnable opener =
        () -> {
          long elapsed = System.nanoTime() - begin;
          int due =
              rampNs == 0 ? count : (int) Math.min(count, (count * (double) elapsed / rampNs) + 1);
          while (opened.get() < due) {
            int index = firstPlayer + opened.getAndIncrement();
            PlayerConnection player =
                new PlayerConnection(index, scenario.seed(), schedule, stats, readiness);
            bootstrap
                .clone()
                .handler(
                    new ChannelInitializer<SocketChannel>() {
                      @Override
                      protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                            .addLast(new HttpClientCodec())
                            .addLast(new HttpObjectAggregator(64 * 1024))
                            .addLast(new WebSocketClientProtocolHandler(ws))
                            .addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                            .addLast(player);
                      }
                    })
                .remoteAddress(remote)
                .connect()
                .addListener(
                    f -> {
                      if (!f.isSuccess()) {
                        warn("player " + index + ": cannot connect: " + f.cause());
                        readiness.failed(player);
                      }
                    });
          }
        };
    ScheduledFuture<?> pacing = group.scheduleAtFixedRate(opener, 0, 10, TimeUnit.MILLISECONDS);
    long deadlineMs = scenario.rampUpMs() + CONNECT_GRACE_MS;
    long stepMs = 1000;
    for (long waited = 0; waited < deadlineMs; waited += stepMs) {
      if (settled.await(stepMs, TimeUnit.MILLISECONDS)) {
        break;
      }
      emit("C " + stats.connected.sum() + " " + failed.sum());
    }
    pacing.cancel(false);
    emit("READY " + stats.connected.sum() + " " + failed.sum());
  }

  private void play(long startEpochMs) throws InterruptedException {
    long startNs = System.nanoTime() + (startEpochMs - System.currentTimeMillis()) * 1_000_000L;
    schedule.start(startNs, startEpochMs, scenario.warmupMs(), scenario.durationMs());
    List<PlayerConnection> players;
    synchronized (ready) {
      players = List.copyOf(ready);
    }
    for (PlayerConnection player : players) {
      player.channel().eventLoop().execute(player::start);
    }
    long drainEndNs = schedule.endNs + scenario.drainMs() * 1_000_000L;
    long nextReportNs = startNs + 1_000_000_000L;
    while (true) {
      long now = System.nanoTime();
      boolean sendingDone = now >= schedule.endNs;
      if (sendingDone && (stats.replies.sum() >= stats.sent.sum() || now >= drainEndNs)) {
        break;
      }
      long sleepNs = Math.min(nextReportNs, sendingDone ? now + 10_000_000L : nextReportNs) - now;
      if (sleepNs > 0) {
        TimeUnit.NANOSECONDS.sleep(sleepNs);
      }
      if (System.nanoTime() >= nextReportNs) {
        report();
        nextReportNs += 1_000_000_000L;
      }
    }
    report();
    finish();
  }

  private void report() {
    Histogram interval = stats.all.getIntervalHistogram();
    emit(
        "T "
            + stats.sent.sum()
            + " "
            + stats.replies.sum()
            + " "
            + stats.errors.sum()
            + " "
            + stats.closedEarly.sum()
            + " "
            + Histograms.encode(interval));
  }

  private void finish() {
    for (Op op : Op.values()) {
      int i = op.ordinal();
      emit(
          "OP "
              + op.key()
              + " "
              + stats.sentByOp[i].sum()
              + " "
              + stats.repliesByOp[i].sum()
              + " "
              + Histograms.encode(stats.byOp[i].getIntervalHistogram()));
    }
    emit("JOIN " + Histograms.encode(stats.join.getIntervalHistogram()));
    emit("LAG " + Histograms.encode(stats.sendLag.getIntervalHistogram()));
    emit(
        "PUSH "
            + stats.pushes.sum()
            + " "
            + stats.claimedPushes.sum()
            + " "
            + Histograms.encode(stats.claimedDelivery.getIntervalHistogram()));
    for (Map.Entry<String, LongAdder> e : stats.errorCodes.entrySet()) {
      emit("ERR " + e.getKey() + " " + e.getValue().sum());
    }
    long sent = stats.sent.sum();
    long replies = stats.replies.sum();
    emit(
        "DONE "
            + sent
            + " "
            + replies
            + " "
            + stats.errors.sum()
            + " "
            + Math.max(0, sent - replies)
            + " "
            + stats.outOfOrder.sum()
            + " "
            + stats.closedEarly.sum()
            + " "
            + stats.measuredReplies.sum()
            + " "
            + stats.skipped.sum());
  }

  private synchronized void emit(String line) {
    out.println(line);
    out.flush();
  }
}
