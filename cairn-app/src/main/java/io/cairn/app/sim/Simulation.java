package io.cairn.app.sim;

import io.cairn.engine.LocalClient;
import io.cairn.veltrix.HuntSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.agrona.concurrent.EpochClock;

/**
 * Bots playing one running hunt, each on its own virtual thread, until a deadline or {@link #stop}.
 * It knows nothing of how the engine was started: it only opens sessions, so {@code cairn simulate}
 * and a demo server can both run it. The seed fixes who the bots are and every choice they make;
 * the interleaving with the engine (and so the exact outcome) still depends on timing.
 *
 * <p>Started {@linkplain #startEndless endless}, it keeps its number of players: a bot whose team
 * has finished the hunt (or who gave up) leaves, its session is closed, and a newcomer from the
 * {@link Roster} joins in its place, so the leaderboard and the event stream never settle.
 */
public final class Simulation {
  /** An endless run's deadline: far enough never to come, near enough not to overflow. */
  static final long FOREVER_NS = Long.MAX_VALUE / 4;

  private final HuntSnapshot hunt;
  private final Pace pace;
  private final List<BotProfile> profiles;
  private final Roster newcomers;
  private final Supplier<LocalClient.Session> sessions;
  private final EpochClock clock;
  private final SplittableRandom random;
  private final SimulationStats stats = new SimulationStats();
  private final AtomicReferenceArray<Bot> seats;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;

  /** Bots at the pace of {@code cairn simulate}; see the other constructor. */
  public Simulation(
      HuntSnapshot hunt,
      int bots,
      long seed,
      Supplier<LocalClient.Session> sessions,
      EpochClock clock) {
    this(hunt, bots, seed, sessions, clock, Pace.SIMULATION, 0, 0);
  }

  /**
   * @param hunt the hunt the bots play, already loaded and started in the engine
   * @param bots how many players
   * @param seed fixes the players and their choices
   * @param sessions opens one engine session per bot ({@code LocalClient::open})
   * @param clock the engine's clock, to read when a hint becomes available
   * @param pace how fast the bots play
   * @param playersBefore players the hunt already has (a resumed demo): the bots' numbers start
   *     after them
   * @param teamsBefore teams the hunt already has: the bots' shared teams are numbered after them,
   *     so that they never join a team of an earlier run
   */
  public Simulation(
      HuntSnapshot hunt,
      int bots,
      long seed,
      Supplier<LocalClient.Session> sessions,
      EpochClock clock,
      Pace pace,
      int playersBefore,
      int teamsBefore) {
    if (bots < 1) {
      throw new IllegalArgumentException("bots must be at least 1, not " + bots);
    }
    this.hunt = hunt;
    this.pace = pace;
    this.random = new SplittableRandom(seed);
    this.profiles = Roster.of(hunt, bots, pace, random, playersBefore, teamsBefore);
    this.newcomers = Roster.after(hunt, pace, profiles, teamsBefore);
    this.sessions = sessions;
    this.clock = clock;
    this.seats = new AtomicReferenceArray<>(bots);
  }

  public List<BotProfile> profiles() {
    return profiles;
  }

  public SimulationStats stats() {
    return stats;
  }

  /**
   * Starts every bot; they stop by themselves {@code durationNs} from now (or at {@link #stop}).
   */
  public synchronized void start(long durationNs) {
    start(System.nanoTime() + durationNs, false);
  }

  /**
   * Starts every bot, to play until {@link #stop}; a bot that is done leaves and a newcomer takes
   * its seat.
   */
  public synchronized void startEndless() {
    start(System.nanoTime() + FOREVER_NS, true);
  }

  private void start(long deadlineNs, boolean endless) {
    if (!threads.isEmpty()) {
      throw new IllegalStateException("the simulation was already started");
    }
    for (int i = 0; i < profiles.size(); i++) {
      BotProfile profile = profiles.get(i);
      int seat = i;
      // evenly staggered with a jitter, so that the first players arrive at once and then steadily
      long joinDelayMs =
          (long) (pace.joinSpreadMs() * (seat + random.nextDouble()) / profiles.size());
      Bot bot = bot(profile, joinDelayMs, deadlineNs, endless);
      seats.set(seat, bot);
      Runnable body = endless ? () -> occupy(seat, bot, deadlineNs) : bot;
      threads.add(Thread.ofVirtual().name("cairn-bot-" + seat).unstarted(body));
    }
    for (Thread thread : threads) {
      thread.start();
    }
  }

  private Bot bot(BotProfile profile, long joinDelayMs, long deadlineNs, boolean leaveWhenDone) {
    return new Bot(
        hunt,
        profile,
        sessions.get(),
        stats,
        clock,
        random.split(),
        () -> stopping,
        deadlineNs,
        pace,
        joinDelayMs,
        leaveWhenDone);
  }

  /** One seat of an endless run: its bots one after the other, each session closed as it leaves. */
  private void occupy(int seat, Bot first, long deadlineNs) {
    Bot bot = first;
    while (true) {
      bot.run();
      if (stopping) {
        return;
      }
      bot.session().close();
      if (bot.joined()) {
        stats.onLeft(bot.teamDone());
      }
      // after a refused join (a full hunt, say), the next one waits a full think time
      long delayMs;
      Bot next;
      synchronized (this) {
        if (stopping) {
          return;
        }
        delayMs = bot.joined() ? random.nextLong(pace.maxThinkMs() + 1) : pace.maxThinkMs();
        next = bot(newcomers.next(random), delayMs, deadlineNs, true);
      }
      seats.set(seat, next);
      bot = next;
    }
  }

  /** Asks every bot to stop: each ends after the command it is waiting for, if any. */
  public synchronized void stop() {
    stopping = true;
    for (Thread thread : threads) {
      thread.interrupt();
    }
  }

  public boolean stopping() {
    return stopping;
  }

  /** Waits for every bot's thread to end; false when some are still running after the timeout. */
  public boolean awaitEnd(long timeoutMs) throws InterruptedException {
    long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
    List<Thread> all;
    synchronized (this) {
      all = List.copyOf(threads);
    }
    for (Thread thread : all) {
      long leftNs = deadlineNs - System.nanoTime();
      if (leftNs <= 0 || !thread.join(Duration.ofNanos(leftNs))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The hunt's leaderboard as a joined bot sees it ({@code board} reply), asked once the bots have
   * ended; empty when no bot could join or no reply came in time.
   */
  public Optional<Reply> board(int limit) throws InterruptedException {
    for (int i = 0; i < seats.length(); i++) {
      Bot bot = seats.get(i);
      if (bot != null && bot.joined() && !bot.session().closed()) {
        try {
          Reply reply =
              Reply.parse(
                  bot.session().board(limit).get(Bot.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS));
          return reply.ok() ? Optional.of(reply) : Optional.empty();
        } catch (TimeoutException e) {
          return Optional.empty();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a reply future failed", e.getCause());
        }
      }
    }
    return Optional.empty();
  }
}
