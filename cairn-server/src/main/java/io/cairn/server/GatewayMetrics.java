package io.cairn.server;

/**
 * What the gateway reports as it works: connections, requests by op, errors by op and code, and the
 * time from a request read to its reply. Called on event loops per request, so implementations must
 * not allocate or block.
 */
public interface GatewayMetrics {
  /** Reports nothing: for tests and embeddings without /metrics. */
  GatewayMetrics NONE =
      new GatewayMetrics() {
        @Override
        public void connectionOpened() {}

        @Override
        public void connectionClosed() {}

        @Override
        public void request(int op) {}

        @Override
        public void error(int op, CharSequence code) {}

        @Override
        public void latency(int op, long nanos) {}
      };

  void connectionOpened();

  void connectionClosed();

  /** One request of a known op. */
  void request(int op);

  /** One error reply to a request of {@code op}, with its protocol code. */
  void error(int op, CharSequence code);

  /** From the request read to its reply ready to write, for requests that went to a shard. */
  void latency(int op, long nanos);
}
