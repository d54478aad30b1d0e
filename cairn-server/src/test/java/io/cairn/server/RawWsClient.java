package io.cairn.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand from RFC 6455 over a plain {@link Socket}, for what the JDK
 * client cannot do: invalid UTF-8 in a text frame, a half-sent handshake, an abortive close (RST),
 * a tiny receive buffer that is never read, and pipelining without waiting. Frames are masked as
 * the RFC requires of clients; nothing of Netty's codec is used.
 */
final class RawWsClient implements AutoCloseable {
  static final int OP_CONTINUATION = 0x0;
  static final int OP_TEXT = 0x1;
  static final int OP_BINARY = 0x2;
  static final int OP_CLOSE = 0x8;
  static final int OP_PING = 0x9;
  static final int OP_PONG = 0xA;

  private static final String HANDSHAKE =
      "GET /ws HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\n"
          + "Upgrade: websocket\r\n"
          + "Connection: Upgrade\r\n"
          + "Sec-WebSocket-Key: %s\r\n"
          + "Sec-WebSocket-Version: 13\r\n\r\n";

  /** One frame from the server: its opcode and payload. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame, or -1 when it carries none. */
    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
    }
  }

  final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;

  private RawWsClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
  }

  /** A TCP connection, not yet upgraded; {@code receiveBufferBytes} 0 keeps the OS default. */
  static RawWsClient open(int port, int receiveBufferBytes) throws IOException {
    Socket socket = new Socket();
    if (receiveBufferBytes > 0) {
      socket.setReceiveBufferSize(receiveBufferBytes);
    }
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new RawWsClient(socket);
  }

  /** An upgraded WebSocket connection. */
  static RawWsClient connect(int port) throws IOException {
    RawWsClient client = open(port, 0);
    client.upgrade();
    return client;
  }

  static String handshake() {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    return HANDSHAKE.formatted(Base64.getEncoder().encodeToString(key));
  }

  /** Sends the upgrade request and reads the response head; fails unless it is 101. */
  void upgrade() throws IOException {
    writeRaw(handshake().getBytes(StandardCharsets.US_ASCII));
    String head = readResponseHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
  }

  /** Writes bytes as they are and flushes. */
  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void sendText(String text) throws IOException {
    writeFrame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Writes one final, masked frame of {@code opcode}; {@code flush} false lets frames pile up. */
  void writeFrame(int opcode, byte[] payload, boolean flush) throws IOException {
    writeFrame(opcode, payload, true, flush);
  }

  /** Writes one masked frame; {@code fin} false starts or continues a fragmented message. */
  void writeFrame(int opcode, byte[] payload, boolean fin, boolean flush) throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    int length = payload.length;
    if (length < 126) {
      out.write(0x80 | length);
    } else if (length <= 0xFFFF) {
      out.write(0x80 | 126);
      out.write(length >>> 8);
      out.write(length);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) length >>> shift));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    out.write(mask);
    byte[] masked = new byte[length];
    for (int i = 0; i < length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    out.write(masked);
    if (flush) {
      out.flush();
    }
  }

  void flush() throws IOException {
    out.flush();
  }

  /** The next frame; answers pings with pongs on the way. Throws EOFException at end of stream. */
  Frame readFrame() throws IOException {
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      if ((b1 & 0x80) != 0) {
        throw new IOException("server sent a masked frame");
      }
      long length = b1 & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      int opcode = b0 & 0x0F;
      if (opcode == OP_PING) {
        writeFrame(OP_PONG, payload, true);
        continue;
      }
      return new Frame(opcode, payload);
    }
  }

  /** The next text frame; fails on a close frame or the end of the stream. */
  String readText() throws IOException {
    Frame frame = readFrame();
    if (frame.opcode() != OP_TEXT) {
      throw new IOException(
          "expected a text frame, got opcode " + frame.opcode() + " code " + frame.closeCode());
    }
    return frame.text();
  }

  /** Reads frames until a close frame and returns its code; -1 when the stream just ends. */
  int awaitClose() throws IOException {
    try {
      while (true) {
        Frame frame = readFrame();
        if (frame.opcode() == OP_CLOSE) {
          return frame.closeCode();
        }
      }
    } catch (EOFException e) {
      return -1;
    }
  }

  private String readResponseHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the upgrade: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Closes with a FIN, as a well-behaved peer does at the TCP level. */
  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Closes with an RST (SO_LINGER 0): the server sees a connection reset. */
  void abort() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }
}
