package io.cairn.bench.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
 * A blocking WebSocket player over a plain socket (RFC 6455 framing by hand, masked as clients
 * must): sends one request and reads until its reply, skipping push events. Its own allocation does
 * not matter: the harness measures the server's threads only.
 */
final class LoopbackPlayer implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final byte[] mask = new byte[4];
  private byte[] payload = new byte[64 * 1024];
  private int payloadLength;

  LoopbackPlayer(int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(30_000);
    out = new BufferedOutputStream(socket.getOutputStream());
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    out.write(
        ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    int matched = 0;
    StringBuilder head = new StringBuilder();
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed during the upgrade");
      }
      head.append((char) b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
  }

  /** Sends a request and returns its reply's text (push events in between are skipped). */
  String call(byte[] request) throws IOException {
    send(request);
    while (true) {
      readFrame();
      if (payloadLength > 6 && payload[2] == 'r' && payload[3] == 'e') {
        return new String(payload, 0, payloadLength, StandardCharsets.UTF_8);
      }
    }
  }

  private void send(byte[] request) throws IOException {
    int length = request.length;
    out.write(0x81);
    if (length < 126) {
      out.write(0x80 | length);
    } else {
      out.write(0x80 | 126);
      out.write(length >>> 8);
      out.write(length);
    }
    ThreadLocalRandom.current().nextBytes(mask);
    out.write(mask);
    for (int i = 0; i < length; i++) {
      out.write(request[i] ^ mask[i & 3]);
    }
    out.flush();
  }

  private void readFrame() throws IOException {
    int b0 = in.readUnsignedByte();
    int length = in.readUnsignedByte() & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = Math.toIntExact(in.readLong());
    }
    if (length > payload.length) {
      payload = new byte[length];
    }
    in.readFully(payload, 0, length);
    payloadLength = length;
    if ((b0 & 0x0F) == 0x8) {
      throw new EOFException("the server closed the connection");
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
