package io.cairn.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The network server: one port for HTTP and the player WebSocket ({@code /ws}), on the native epoll
 * transport when available, NIO otherwise, with pooled buffers. {@link #close} stops accepting,
 * closes every connection and waits for the event loops to finish their queued writes; stop the
 * engine between {@link #stopAccepting} and {@link #close} to answer what is queued first.
 */
public final class CairnServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("cairn.server");

  /** Event loop threads are named {@code cairn-io-N-M} (thread dumps, allocation harness). */
  public static final String IO_THREAD_PREFIX = "cairn-io";

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel serverChannel;
  private final String transport;

  private CairnServer(
      EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel, String transport) {
    this.boss = boss;
    this.workers = workers;
    this.serverChannel = serverChannel;
    this.transport = transport;
  }

  /**
   * Binds {@code host:port} (port 0 = any free port, see {@link #port()}) and starts serving.
   *
   * @throws ServerException when the port cannot be bound, saying which and what to do
   */
  public static CairnServer start(
      String host, int port, Gateway gateway, List<HttpRoute> routes, GatewayLimits limits) {
    return bind(host, port, new GatewayInitializer(gateway, routes, limits), limits);
  }

  /**
   * The bare stack: the same transport, allocator, thread and channel settings and WebSocket codec
   * as {@link #start}, but each text frame is answered with itself (no engine, no journal). {@code
   * cairn echo} runs it to measure the ceiling of this stack on a machine ({@link
   * EchoInitializer}).
   */
  public static CairnServer echo(String host, int port, GatewayLimits limits) {
    return bind(host, port, new EchoInitializer(limits), limits);
  }

  private static CairnServer bind(
      String host, int port, ChannelHandler childHandler, GatewayLimits limits) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelClass =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cairn-accept"), io);
    EventLoopGroup workers =
        new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(IO_THREAD_PREFIX), io);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(channelClass)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    limits.outboundHighWaterBytes() / 2, limits.outboundHighWaterBytes()))
            .childHandler(childHandler);
    try {
      Channel channel = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
      return new CairnServer(boss, workers, channel, epoll ? "epoll" : "nio");
    } catch (Exception e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (e instanceof BindException || String.valueOf(e.getMessage()).contains("in use")) {
        throw new ServerException(
            "port "
                + port
                + " on "
                + host
                + " is already in use: stop the process listening there, or choose another port"
                + " with --port N (or --set port=N)",
            e,
            true);
      }
      throw new ServerException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public String host() {
    return ((InetSocketAddress) serverChannel.localAddress()).getHostString();
  }

  /** Where a browser on this machine reaches the HTTP side, e.g. {@code http://localhost:8080/}. */
  public String httpUrl() {
    return "http://" + connectableHost() + ":" + port() + "/";
  }

  /** Where a player on this machine connects, e.g. {@code ws://localhost:8080/ws}. */
  public String websocketUrl() {
    return "ws://" + connectableHost() + ":" + port() + HttpRouter.WEBSOCKET_PATH;
  }

  /** True when bound to every interface (0.0.0.0 or ::), so other machines may connect too. */
  public boolean boundToAllInterfaces() {
    return ((InetSocketAddress) serverChannel.localAddress()).getAddress().isAnyLocalAddress();
  }

  /**
   * A host name a client can connect to: the wildcard address (0.0.0.0, ::) accepts connections but
   * cannot be connected to, so it becomes {@code localhost}; IPv6 literals get brackets.
   */
  private String connectableHost() {
    InetAddress address = ((InetSocketAddress) serverChannel.localAddress()).getAddress();
    if (address.isAnyLocalAddress()) {
      return "localhost";
    }
    String literal = address.getHostAddress();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    return address instanceof Inet6Address ? "[" + literal + "]" : literal;
  }

  /** {@code epoll} or {@code nio}. */
  public String transport() {
    return transport;
  }

  /** Closes the listening socket; open connections keep being served. */
  public void stopAccepting() {
    serverChannel.close().syncUninterruptibly();
  }

  @Override
  public void close() {
    stopAccepting();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(100, 3_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    LOG.log(System.Logger.Level.DEBUG, "server closed");
  }
}
