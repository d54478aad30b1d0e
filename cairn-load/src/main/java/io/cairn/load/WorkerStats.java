package io.cairn.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What one client process measured, written by its event loops and read once a second by its
 * reporter. Latencies are nanoseconds from the intended send time of each request (the open-loop
 * schedule), so a slow server cannot hide its queueing by slowing the sender down.
 */
final class WorkerStats {
  final Recorder[] byOp = new Recorder[Op.values().length];
  final Recorder all = new Recorder(3);
  final Recorder join = new Recorder(3);

  /** From a {@code claimed} event's {@code at} to its arrival here, in nanoseconds. */
  final Recorder claimedDelivery = new Recorder(3);

  /** How late the generator sent each request after its intended time. */
  final Recorder sendLag = new Recorder(3);

  final LongAdder sent = new LongAdder();
  final LongAdder replies = new LongAdder();

  /** Requests not sent because their connection had too many unanswered. */
  final LongAdder skipped = new LongAdder();

  /** Replies that arrived during the measured part: the achieved throughput. */
  final LongAdder measuredReplies = new LongAdder();

  final LongAdder errors = new LongAdder();
  final LongAdder pushes = new LongAdder();
  final LongAdder claimedPushes = new LongAdder();
  final LongAdder outOfOrder = new LongAdder();
  final LongAdder connected = new LongAdder();
  final LongAdder connectFailed = new LongAdder();
  final LongAdder closedEarly = new LongAdder();
  final LongAdder[] sentByOp = new LongAdder[Op.values().length];
  final LongAdder[] repliesByOp = new LongAdder[Op.values().length];

  /** Error replies by "op code" (op {@code join} included). */
  final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

  WorkerStats() {
    for (int i = 0; i < byOp.length; i++) {
      byOp[i] = new Recorder(3);
      sentByOp[i] = new LongAdder();
      repliesByOp[i] = new LongAdder();
    }
  }

  void error(String op, String code) {
    errors.increment();
    errorCodes.computeIfAbsent(op + " " + code, k -> new LongAdder()).increment();
  }
}
