package io.cairn.app.sim;

import io.cairn.engine.LocalClient;
import io.cairn.engine.geo.GeoMath;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.PartialAnswer;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.agrona.concurrent.EpochClock;

/**
 * One simulated player, on its own (virtual) thread: joins, then every turn of its {@link Pace}
 * moves a step toward where it wants to go and does at most one other thing, the way a person with
 * a phone would. It scans to find treasures, claims one once inside its radius (with the code
 * printed at the spot), guesses puzzles (wrong, nearly right, right; better after a nudge or a
 * hint), takes hints when stuck, and looks at the leaderboard now and then. It follows its team's
 * progress through push events and {@code state}. A bot that is to leave when done returns from
 * {@link #run} once its team has solved every puzzle and claimed every treasure, or once its
 * patience is over; the caller closes its session.
 *
 * <p>What a bot knows of the hunt is what a player could know: the answers (it is a good guesser
 * with a {@link BotProfile#skill}), the claim radius and code (printed at the spot), and where
 * treasures are only once a {@code scan} has shown them.
 */
public final class Bot implements Runnable {
  /** How long a bot waits for a reply before it counts a timeout and goes on. */
  static final long REPLY_TIMEOUT_MS = 5_000;

  private static final String[] WRONG_ANSWERS = {
    "anchor",
    "lantern",
    "mirror",
    "glass",
    "seagull",
    "north",
    "compass",
    "tide",
    "rope",
    "42",
    "magnifying glass",
    "lighthouse keeper",
    "prism",
    "beacon"
  };

  private final HuntSnapshot hunt;
  private final BotProfile profile;
  private final LocalClient.Session session;
  private final SimulationStats stats;
  private final EpochClock clock;
  private final RandomGenerator random;
  private final Area area;
  private final BooleanSupplier stopping;
  private final long deadlineNs;
  private final Pace pace;
  private final long joinDelayMs;
  private final boolean leaveWhenDone;

  private volatile boolean joined;
  private String team = "";
  private boolean ended;
  private boolean paused;
  private boolean needState;
  private double lat;
  private double lon;
  private long lastMoveNs;
  private double[] waypoint;
  private int ticksSinceScan;
  private long nextClaimNs;
  private long joinedNs;

  private final boolean[] puzzleVisible;
  private final boolean[] solved;
  private final int[] wrongGuesses;
  private final boolean[] nudged;
  private final int[] hintsTaken;
  private final long[] nextGuessNs;
  private final long[] nextHintNs;
  private final boolean[] located;
  private final boolean[] claimed;
  private final boolean[] lockedTreasure;
  private final double[][] claimSpot;

  Bot(
      HuntSnapshot hunt,
      BotProfile profile,
      LocalClient.Session session,
      SimulationStats stats,
      EpochClock clock,
      RandomGenerator random,
      BooleanSupplier stopping,
      long deadlineNs,
      Pace pace,
      long joinDelayMs,
      boolean leaveWhenDone) {
    this.hunt = hunt;
    this.profile = profile;
    this.session = session;
    this.stats = stats;
    this.clock = clock;
    this.random = random;
    this.area = Area.of(hunt);
    this.stopping = stopping;
    this.deadlineNs = deadlineNs;
    this.pace = pace;
    this.joinDelayMs = joinDelayMs;
    this.leaveWhenDone = leaveWhenDone;
    this.lat = profile.startLat();
    this.lon = profile.startLon();
    int puzzles = hunt.puzzleCount();
    this.puzzleVisible = new boolean[puzzles];
    this.solved = new boolean[puzzles];
    this.wrongGuesses = new int[puzzles];
    this.nudged = new boolean[puzzles];
    this.hintsTaken = new int[puzzles];
    this.nextGuessNs = new long[puzzles];
    this.nextHintNs = new long[puzzles];
    int treasures = hunt.treasureCount();
    this.located = new boolean[treasures];
    this.claimed = new boolean[treasures];
    this.lockedTreasure = new boolean[treasures];
    this.claimSpot = new double[treasures][];
  }

  public BotProfile profile() {
    return profile;
  }

  /** Whether its join succeeded, so that its session may ask for the leaderboard. */
  public boolean joined() {
    return joined;
  }

  public LocalClient.Session session() {
    return session;
  }

  @Override
  public void run() {
    try {
      sleepMs(joinDelayMs);
      if (stopped() || !join()) {
        return;
      }
      while (!stopped()) {
        sleepMs(pace.minTickMs() + random.nextLong(pace.maxTickMs() - pace.minTickMs() + 1));
        if (stopped()) {
          return;
        }
        readEvents();
        if (ended || paused) {
          if (random.nextDouble() < 0.1) {
            call(s -> s.board(10));
          }
          continue;
        }
        move();
        act();
        if (leaveWhenDone && (teamDone() || outOfPatience())) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether its team has solved every puzzle and claimed every treasure, as far as it knows. */
  boolean teamDone() {
    for (boolean s : solved) {
      if (!s) {
        return false;
      }
    }
    for (boolean c : claimed) {
      if (!c) {
        return false;
      }
    }
    return true;
  }

  private boolean outOfPatience() {
    return pace.patienceMs() > 0 && System.nanoTime() - joinedNs > pace.patienceMs() * 1_000_000L;
  }

  private boolean stopped() {
    return stopping.getAsBoolean() || System.nanoTime() - deadlineNs >= 0;
  }

  private void sleepMs(long ms) throws InterruptedException {
    long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
    Thread.sleep(Math.max(0, Math.min(ms, leftMs)));
  }

  // ------------------------------------------------------------------ joining and state

  private boolean join() throws InterruptedException {
    Reply reply = call(s -> s.join(hunt.id(), profile.name(), profile.team()));
    if (reply != null && !reply.ok() && !profile.team().isEmpty()) {
      reply = call(s -> s.join(hunt.id(), profile.name(), ""));
    }
    if (reply == null || !reply.ok()) {
      return false;
    }
    team = reply.string("team");
    readState(reply.object("hunt"));
    joined = true;
    stats.onJoined();
    lastMoveNs = System.nanoTime();
    joinedNs = lastMoveNs;
    return true;
  }

  private void refreshState() throws InterruptedException {
    Reply reply = call(LocalClient.Session::state);
    if (reply != null && reply.ok()) {
      readState(reply.object("hunt"));
      needState = false;
    }
  }

  private void readState(Reply state) {
    readStatus(state.string("status"));
    for (Reply p : state.objects("puzzles")) {
      int index = hunt.puzzleIndex(p.string("id"));
      if (index >= 0) {
        puzzleVisible[index] = true;
        solved[index] |= p.bool("solved");
        hintsTaken[index] = Math.max(hintsTaken[index], (int) p.number("hintsTaken", 0));
      }
    }
    for (Reply t : state.objects("treasures")) {
      int index = hunt.treasureIndex(t.string("id"));
      if (index >= 0) {
        claimed[index] |= t.bool("claimed");
      }
    }
  }

  private void readStatus(String status) {
    ended = status.equals("ended");
    paused = status.equals("paused") || status.equals("scheduled");
  }

  /** Follows the team's progress from push events; skips leaderboard pushes unread. */
  private void readEvents() {
    String text;
    while ((text = session.events().poll()) != null) {
      stats.onEvent();
      if (text.startsWith("{\"ev\":\"board\"")) {
        continue;
      }
      Reply event = Reply.parse(text);
      switch (event.event()) {
        case "unlocked" -> {
          int index = hunt.treasureIndex(event.string("treasure"));
          if (index >= 0) {
            lockedTreasure[index] = false;
          }
          needState = true;
        }
        case "solved" -> {
          int index = hunt.puzzleIndex(event.string("puzzle"));
          if (index >= 0 && event.string("team").equals(team)) {
            solved[index] = true;
            needState = true;
          }
        }
        case "claimed" -> {
          int index = hunt.treasureIndex(event.string("treasure"));
          if (index >= 0 && event.string("team").equals(team)) {
            claimed[index] = true;
          }
        }
        case "hunt" -> readStatus(event.string("status"));
        case "round" -> {
          Arrays.fill(lockedTreasure, false);
          needState = true;
        }
        default -> {}
      }
    }
  }

  // ------------------------------------------------------------------ walking

  /** One step toward the nearest treasure it has found, else toward its next waypoint. */
  private void move() throws InterruptedException {
    long nowNs = System.nanoTime();
    double elapsedS = Math.min(2.0 * pace.maxTickMs() / 1000.0, (nowNs - lastMoveNs) / 1e9);
    double[] target = nearestFoundTreasureSpot();
    if (target == null) {
      if (waypoint == null || GeoMath.distanceM(lat, lon, waypoint[0], waypoint[1]) < 5) {
        waypoint = area.randomPoint(random, 0);
      }
      target = waypoint;
    }
    double distanceM = GeoMath.distanceM(lat, lon, target[0], target[1]);
    double stepM = profile.speedMps() * elapsedS;
    if (distanceM > 0.5) {
      double f = Math.min(1.0, stepM / distanceM);
      lat += (target[0] - lat) * f;
      lon += (target[1] - lon) * f;
    }
    double toLat = lat;
    double toLon = lon;
    lastMoveNs = nowNs;
    call(s -> s.move(toLat, toLon));
  }

  private double[] nearestFoundTreasureSpot() {
    double[] best = null;
    double bestM = Double.MAX_VALUE;
    for (int i = 0; i < located.length; i++) {
      if (located[i] && !claimed[i] && !lockedTreasure[i]) {
        double m = GeoMath.distanceM(lat, lon, claimSpot[i][0], claimSpot[i][1]);
        if (m < bestM) {
          bestM = m;
          best = claimSpot[i];
        }
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ one thing per tick

  private void act() throws InterruptedException {
    ticksSinceScan++;
    if (needState) {
      refreshState();
      return;
    }
    int treasure = claimable();
    if (treasure >= 0) {
      claim(treasure);
      return;
    }
    double r = random.nextDouble();
    if (ticksSinceScan >= 4 || r < 0.15) {
      scan();
      return;
    }
    int puzzle = puzzleToWorkOn();
    if (puzzle >= 0 && r < 0.7) {
      if (wantsHint(puzzle)) {
        hint(puzzle);
      } else {
        guess(puzzle);
      }
      return;
    }
    if (r > 0.95) {
      call(s -> s.board(10));
    } else if (r > 0.93) {
      refreshState();
    }
  }

  // ------------------------------------------------------------------ treasures

  private void scan() throws InterruptedException {
    ticksSinceScan = 0;
    Reply reply = call(LocalClient.Session::scan);
    if (reply == null || !reply.ok()) {
      return;
    }
    for (Reply t : reply.objects("treasures")) {
      int index = hunt.treasureIndex(t.string("id"));
      if (index < 0) {
        continue;
      }
      claimed[index] |= t.bool("claimed");
      if (!located[index]) {
        located[index] = true;
        double spotLat = t.number("lat", hunt.treasure(index).lat());
        double spotLon = t.number("lon", hunt.treasure(index).lon());
        double withinM = hunt.treasure(index).radiusM() * 0.4 * random.nextDouble();
        claimSpot[index] =
            Area.offset(spotLat, spotLon, withinM, random.nextDouble() * 2 * Math.PI);
      }
    }
  }

  /**
   * A found, unclaimed treasure to claim now: one inside its radius, or now and then one just
   * outside it (an eager player, answered TOO_FAR).
   */
  private int claimable() {
    if (System.nanoTime() - nextClaimNs < 0) {
      return -1;
    }
    for (int i = 0; i < located.length; i++) {
      if (located[i] && !claimed[i] && !lockedTreasure[i]) {
        Treasure t = hunt.treasure(i);
        double m = GeoMath.distanceM(lat, lon, t.lat(), t.lon());
        if (m <= t.radiusM() * 0.9 || (m <= t.radiusM() * 1.6 && random.nextDouble() < 0.1)) {
          return i;
        }
      }
    }
    return -1;
  }

  private void claim(int index) throws InterruptedException {
    Treasure t = hunt.treasure(index);
    String code = t.hasCode() ? t.normalizedCode().toUpperCase(Locale.ROOT) : "";
    Reply reply = call(s -> s.claim(t.id(), code));
    if (reply == null) {
      return;
    }
    if (reply.ok()) {
      claimed[index] = true;
      stats.onClaimed();
      return;
    }
    switch (reply.errorCode()) {
      case "ALREADY_CLAIMED" -> claimed[index] = true;
      case "LOCKED" -> lockedTreasure[index] = true;
      case "RATE_LIMITED" ->
          nextClaimNs = System.nanoTime() + (long) reply.number("retryAfterMs", 1_000) * 1_000_000L;
      case "HUNT_NOT_RUNNING" -> readStatus(reply.string("status"));
      default -> nextClaimNs = System.nanoTime() + 1_000_000_000L;
    }
  }

  // ------------------------------------------------------------------ puzzles

  /** A visible, unsolved puzzle whose thinking time is over, or -1. */
  private int puzzleToWorkOn() {
    long nowNs = System.nanoTime();
    int start = random.nextInt(Math.max(1, solved.length));
    for (int k = 0; k < solved.length; k++) {
      int i = (start + k) % solved.length;
      if (puzzleVisible[i] && !solved[i] && nowNs - nextGuessNs[i] >= 0) {
        return i;
      }
    }
    return -1;
  }

  private boolean wantsHint(int index) {
    return wrongGuesses[index] >= 2
        && hintsTaken[index] < hunt.puzzle(index).hints().size()
        && System.nanoTime() - nextHintNs[index] >= 0
        && random.nextDouble() < 0.3;
  }

  private void guess(int index) throws InterruptedException {
    Puzzle p = hunt.puzzle(index);
    String answer = answerFor(p);
    Reply reply = call(s -> s.guess(p.id(), answer));
    long thinkNs =
        (pace.minThinkMs() + random.nextLong(pace.maxThinkMs() - pace.minThinkMs() + 1))
            * 1_000_000L;
    nextGuessNs[index] = System.nanoTime() + thinkNs;
    if (reply == null) {
      return;
    }
    if (reply.ok()) {
      if (reply.bool("correct")) {
        solved[index] = true;
        Arrays.fill(lockedTreasure, false);
        needState = true;
        stats.onSolved();
      } else {
        boolean partial = !reply.string("message").isEmpty();
        nudged[index] |= partial;
        wrongGuesses[index]++;
        stats.onWrongGuess(partial);
      }
      return;
    }
    switch (reply.errorCode()) {
      case "ALREADY_SOLVED" -> {
        solved[index] = true;
        needState = true;
      }
      case "LOCKED" -> {
        puzzleVisible[index] = false;
        needState = true;
      }
      case "RATE_LIMITED" ->
          nextGuessNs[index] =
              System.nanoTime() + (long) reply.number("retryAfterMs", 6_000) * 1_000_000L;
      case "HUNT_NOT_RUNNING" -> readStatus(reply.string("status"));
      default -> {}
    }
  }

  /**
   * Right with a chance that grows with wrong tries, a nudge and hints; else nearly right (a
   * partial answer) or plainly wrong.
   */
  private String answerFor(Puzzle p) {
    int index = p.index();
    double right =
        p.normalizedAnswers().isEmpty()
            ? 0
            : profile.skill()
                + 0.1 * wrongGuesses[index]
                + (nudged[index] ? 0.2 : 0)
                + 0.25 * hintsTaken[index];
    double r = random.nextDouble();
    if (r < right) {
      String answer = pick(p.normalizedAnswers());
      return random.nextBoolean() ? answer.toUpperCase(Locale.ROOT) + "!" : answer;
    }
    List<PartialAnswer> partials = p.partials();
    if (!partials.isEmpty() && !nudged[index] && r < right + 0.3) {
      return pick(partials).normalizedAnswer();
    }
    return WRONG_ANSWERS[random.nextInt(WRONG_ANSWERS.length)];
  }

  private void hint(int index) throws InterruptedException {
    Puzzle p = hunt.puzzle(index);
    Reply reply = call(s -> s.hint(p.id()));
    if (reply == null) {
      return;
    }
    if (reply.ok()) {
      hintsTaken[index]++;
      stats.onHint();
      return;
    }
    double availableAtMs = reply.number("availableAtMs", -1);
    long waitMs =
        availableAtMs >= 0 ? Math.max(1_000, (long) availableAtMs - clock.time()) : 60_000L;
    nextHintNs[index] = System.nanoTime() + waitMs * 1_000_000L;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  // ------------------------------------------------------------------ sending

  /**
   * Sends one command and waits for its reply: counts it, records its round trip (from just before
   * the send to the moment the engine's reply completes the future), counts an error reply by its
   * code, and waits out OVERLOADED. Null when no reply came within {@link #REPLY_TIMEOUT_MS}.
   */
  private Reply call(Function<LocalClient.Session, CompletableFuture<String>> command)
      throws InterruptedException {
    long sentNs = System.nanoTime();
    CompletableFuture<String> future = command.apply(session);
    future.whenComplete((text, failure) -> stats.onReply(System.nanoTime() - sentNs));
    String text;
    try {
      text = future.get(REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stats.onError(SimulationStats.TIMEOUT);
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reply future failed", e.getCause());
    }
    Reply reply = Reply.parse(text);
    if (!reply.ok()) {
      stats.onError(reply.errorCode());
      if (reply.errorCode().equals("OVERLOADED")) {
        sleepMs((long) reply.number("retryAfterMs", 100));
      }
    }
    return reply;
  }
}
