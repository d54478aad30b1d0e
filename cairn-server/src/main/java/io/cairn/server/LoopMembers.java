package io.cairn.server;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's connections of one hunt: what the loop's {@link ReplyOutbox} writes each of the
 * hunt's events to. The list is only touched on that loop; the count may be read from any thread
 * ({@link Gateway#boundPlayers}).
 */
final class LoopMembers {
  final ReplyOutbox outbox;
  final ArrayList<PlayerFrameHandler> connections = new ArrayList<>();
  final AtomicInteger count = new AtomicInteger();

  LoopMembers(ReplyOutbox outbox) {
    this.outbox = outbox;
  }
}
