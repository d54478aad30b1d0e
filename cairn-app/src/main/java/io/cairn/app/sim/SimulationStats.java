package io.cairn.app.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the bots did, counted from any thread: commands answered, their round-trip latency, error
 * replies by code, and the game's progress (players, solves, claims). Readers see recent values;
 * counters are not mutually consistent, which is all a progress line needs.
 */
public final class SimulationStats {
  /** Counted when a reply does not arrive within the bot's timeout. */
  public static final String TIMEOUT = "TIMEOUT";

  private final LongAdder commands = new LongAdder();
  private final LongAdder players = new LongAdder();
  private final LongAdder playing = new LongAdder();
  private final LongAdder finished = new LongAdder();
  private final LongAdder gaveUp = new LongAdder();
  private final LongAdder solves = new LongAdder();
  private final LongAdder claims = new LongAdder();
  private final LongAdder hints = new LongAdder();
  private final LongAdder wrongGuesses = new LongAdder();
  private final LongAdder partialGuesses = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(3);
  private final Histogram total = new Histogram(3);

  /** One command answered, {@code latencyNs} from send to reply. */
  void onReply(long latencyNs) {
    commands.increment();
    latency.recordValue(Math.max(0, latencyNs));
  }

  /** A reply with {@code ok: false}, or a {@link #TIMEOUT}. */
  void onError(String code) {
    errors.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  void onJoined() {
    players.increment();
    playing.increment();
  }

  /** A joined bot left: its team was {@code done} with the hunt, or it gave up. */
  void onLeft(boolean done) {
    playing.decrement();
    (done ? finished : gaveUp).increment();
  }

  void onSolved() {
    solves.increment();
  }

  void onClaimed() {
    claims.increment();
  }

  void onHint() {
    hints.increment();
  }

  void onWrongGuess(boolean partial) {
    (partial ? partialGuesses : wrongGuesses).increment();
  }

  void onEvent() {
    events.increment();
  }

  public long commands() {
    return commands.sum();
  }

  /** Bots that joined, from the start. */
  public long players() {
    return players.sum();
  }

  /** Bots joined and not left: the players in the hunt now. */
  public long playing() {
    return playing.sum();
  }

  /** Bots that left because their team had solved and claimed everything. */
  public long finished() {
    return finished.sum();
  }

  /** Bots that left unfinished, their patience over. */
  public long gaveUp() {
    return gaveUp.sum();
  }

  public long solves() {
    return solves.sum();
  }

  public long claims() {
    return claims.sum();
  }

  public long hints() {
    return hints.sum();
  }

  public long wrongGuesses() {
    return wrongGuesses.sum();
  }

  public long partialGuesses() {
    return partialGuesses.sum();
  }

  /** Push events the bots received (leaderboard, solved, claimed, unlocked...). */
  public long events() {
    return events.sum();
  }

  /** Error replies so far by code, sorted by code. */
  public Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((code, count) -> out.put(code, count.sum()));
    return out;
  }

  /**
   * Every latency recorded so far, in nanoseconds. Call it from one thread (the one reporting):
   * each call moves the values recorded since the previous call into the running total.
   */
  public synchronized Histogram latencyNs() {
    total.add(latency.getIntervalHistogram());
    return total.copy();
  }
}
