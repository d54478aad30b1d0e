package io.cairn.server;

import io.cairn.veltrix.settings.ServerSettings;

/**
 * The gateway's limits, read once from the settings.
 *
 * @param maxFrameBytes largest WebSocket frame a player may send
 * @param maxConnections open connections; more are refused with 503
 * @param outboundHighWaterBytes queued outbound bytes past which push events are dropped
 * @param outboundLimitBytes queued outbound bytes past which the connection is closed (1008)
 * @param requestsPerSecond requests one connection may send per second; more get OVERLOADED
 * @param idleTimeoutNs a connection that sends nothing for this long is closed
 */
public record GatewayLimits(
    int maxFrameBytes,
    int maxConnections,
    int outboundHighWaterBytes,
    int outboundLimitBytes,
    int requestsPerSecond,
    long idleTimeoutNs) {

  public static GatewayLimits from(ServerSettings settings) {
    return new GatewayLimits(
        settings.maxFrameBytes(),
        settings.maxConnections(),
        settings.outboundHighWaterBytes(),
        settings.outboundLimitBytes(),
        settings.requestsPerSecond(),
        settings.idleTimeoutNs());
  }
}
