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
import java.util.function.Supplier;
import org.agrona.concurrent.EpochClock;

/**
 * Bots playing one running hunt, each on its own virtual thread, until a deadline or {@link #stop}.
 * It knows nothing of how the engine was started: it only opens sessions, so {@code cairn simulate}
 * and a demo server can both run it. The seed fixes who the bots are and every choice they make;
 * the interleaving with the engine (and so the exact outcome) still depends on timing.
 */
public final class Simulation {
  private final HuntSnapshot hunt;
  private final List<BotProfile> profiles;
  private final Supplier<LocalClient.Session> sessions;
  private final EpochClock clock;
  private final SplittableRandom random;
  private final SimulationStats stats = new SimulationStats();
  private final List<Bot> bots = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * @param hunt the hunt the bots play, already loaded and started in the engine
   * @param bots how many players
   * @param seed fixes the players and their choices
   * @param sessions opens one engine session per bot ({@code LocalClient::open})
   * @param clock the engine's clock, to read when a hint becomes available
   */
  public Simulation(
      HuntSnapshot hunt,
      int bots,
      long seed,
      Supplier<LocalClient.Session> sessions,
      EpochClock clock) {
    if (bots < 1) {
      throw new IllegalArgumentException("bots must be at least 1, not " + bots);
    }
    this.hunt = hunt;
    this.random = new SplittableRandom(seed);
    this.profiles = Roster.of(hunt, bots, random);
    this.sessions = sessions;
    this.clock = clock;
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
    if (!threads.isEmpty()) {
      throw new IllegalStateException("the simulation was already started");
    }
    long deadlineNs = System.nanoTime() + durationNs;
    for (BotProfile profile : profiles) {
      Bot bot =
          new Bot(
              hunt,
              profile,
              sessions.get(),
              stats,
              clock,
              random.split(),
              () -> stopping,
              deadlineNs);
      bots.add(bot);
      threads.add(Thread.ofVirtual().name("cairn-bot-" + profile.index()).unstarted(bot));
    }
    for (Thread thread : threads) {
      thread.start();
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
    List<Bot> all;
    synchronized (this) {
      all = List.copyOf(bots);
    }
    for (Bot bot : all) {
      if (bot.joined()) {
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
