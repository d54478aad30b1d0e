package io.cairn.engine.egress;

import org.agrona.DirectBuffer;

/**
 * Receives the messages of a batch once the batch is durable. The buffer is only valid during the
 * call: copy what must outlive it.
 */
@FunctionalInterface
public interface EgressHandler {
  /** A reply to the connection that sent the command. */
  int REPLY = 1;

  /** An event for every player of the hunt. */
  int HUNT_EVENT = 2;

  /** An event for every player of one team. */
  int TEAM_EVENT = 3;

  /**
   * Called on the shard thread after the batch is durable; {@code json} is one complete protocol
   * message. Hunt numbers are per shard, so {@code shard} and {@code huntNumber} together name the
   * hunt. {@code teamIdx} and {@code playerIdx} are -1 when they do not apply; a successful join
   * reply carries the new player's and team's indexes so the gateway can bind the connection.
   */
  void onMessage(
      int shard,
      int kind,
      long connectionId,
      int huntNumber,
      int teamIdx,
      int playerIdx,
      DirectBuffer json,
      int offset,
      int length);
}
