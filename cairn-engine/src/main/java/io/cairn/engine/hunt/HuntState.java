package io.cairn.engine.hunt;

import io.cairn.engine.board.Leaderboard;
import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.geo.GeoMath;
import io.cairn.engine.geo.ScanResult;
import io.cairn.engine.geo.TreasureGrid;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.AnswerNormalizer;
import io.cairn.veltrix.Hint;
import io.cairn.veltrix.HuntProgress;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.IntList;
import io.cairn.veltrix.PartialAnswer;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hunt's live state and its player operations. Owned by one shard thread. Every operation takes
 * the decoded command and the hunt's time for it, writes its reply and events to the egress, and
 * returns whether it changed state (then the shard journals the command and calls {@link #commit}).
 * Rejections are replies, never exceptions, and the player operations allocate nothing.
 */
final class HuntState {
  static final int DEFAULT_BOARD_LIMIT = 10;
  static final int MAX_BOARD_LIMIT = 100;
  static final int MAX_ANSWER_CHARS = 200;
  static final int MAX_NAME_CODE_POINTS = 32;

  final int huntNumber;
  final HuntView view;
  HuntSnapshot snapshot;
  private TreasureGrid grid;
  private ScanResult scanResult;
  private Matcher[][] matchers;

  int status = HuntStatus.SCHEDULED;
  long startedAtMs = HuntSnapshot.NO_TIME;
  long endedAtMs = HuntSnapshot.NO_TIME;
  long lastTimeMs = Long.MIN_VALUE;
  long seq;

  final PlayerTable players;
  final TeamTable teams;
  int[] solveCounts;
  int[] claimCounts;
  final Leaderboard board;

  private final StringBuilder normalized = new StringBuilder(256);
  private final StringBuilder forPattern = new StringBuilder(256);
  private final int[] topTeams = new int[MAX_BOARD_LIMIT];
  private final long[] topScores = new long[MAX_BOARD_LIMIT];
  private final int[] topRanks = new int[MAX_BOARD_LIMIT];
  private final int[] pushedTeams = new int[DEFAULT_BOARD_LIMIT];
  private final long[] pushedScores = new long[DEFAULT_BOARD_LIMIT];
  private int pushedCount;

  HuntState(int huntNumber, HuntSnapshot snapshot, HuntView view) {
    this.huntNumber = huntNumber;
    this.view = view;
    int expectedTeams = Math.max(16, Math.min(snapshot.maxPlayers(), 1 << 16));
    this.players = new PlayerTable(expectedTeams);
    this.teams = new TeamTable(expectedTeams, snapshot.puzzleCount(), snapshot.treasureCount());
    this.board = new Leaderboard(expectedTeams, 0x5eed_0000L + huntNumber);
    this.solveCounts = new int[snapshot.puzzleCount()];
    this.claimCounts = new int[snapshot.treasureCount()];
    useSnapshot(snapshot);
  }

  private void useSnapshot(HuntSnapshot next) {
    snapshot = next;
    grid = new TreasureGrid(next);
    scanResult = new ScanResult(Math.max(1, next.treasureCount()));
    matchers = new Matcher[next.puzzleCount()][];
    for (int p = 0; p < next.puzzleCount(); p++) {
      List<Pattern> patterns = next.puzzle(p).answerPatterns();
      matchers[p] = new Matcher[patterns.size()];
      for (int k = 0; k < patterns.size(); k++) {
        matchers[p][k] = patterns.get(k).matcher("");
      }
    }
  }

  /** The seq that events of the command being applied carry: this command's journal count. */
  long pendingSeq() {
    return seq + 1;
  }

  /** Records that the command just applied was journaled. */
  void commit(long nowMs) {
    seq++;
    lastTimeMs = nowMs;
  }

  void publish() {
    view.publish(snapshot, status, players.count(), teams.count());
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Moves the hunt along its schedule: scheduled to running at {@code starts-at}, to ended at
   * {@code ends-at}. Emits a {@code hunt} event per transition; returns whether one happened.
   */
  boolean advance(long nowMs, long atMs, Egress egress) {
    boolean changed = false;
    long startsAt = snapshot.startsAtMs();
    if (status == HuntStatus.SCHEDULED && startsAt != HuntSnapshot.NO_TIME && nowMs >= startsAt) {
      status = HuntStatus.RUNNING;
      startedAtMs = startsAt;
      huntEvent(atMs, egress);
      changed = true;
    }
    long endsAt = snapshot.endsAtMs();
    if (status != HuntStatus.ENDED && endsAt != HuntSnapshot.NO_TIME && nowMs >= endsAt) {
      status = HuntStatus.ENDED;
      endedAtMs = endsAt;
      huntEvent(atMs, egress);
      changed = true;
    }
    if (changed) {
      publish();
    }
    return changed;
  }

  /** Applies an organiser transition; returns false (status unchanged) when it is not allowed. */
  boolean transition(int op, long nowMs, long atMs, Egress egress) {
    int next;
    switch (op) {
      case Op.START -> {
        if (status != HuntStatus.SCHEDULED) {
          return false;
        }
        next = HuntStatus.RUNNING;
        startedAtMs = nowMs;
      }
      case Op.PAUSE -> {
        if (status != HuntStatus.RUNNING) {
          return false;
        }
        next = HuntStatus.PAUSED;
      }
      case Op.RESUME -> {
        if (status != HuntStatus.PAUSED) {
          return false;
        }
        next = HuntStatus.RUNNING;
      }
      case Op.END -> {
        if (status == HuntStatus.ENDED) {
          return false;
        }
        next = HuntStatus.ENDED;
        endedAtMs = nowMs;
      }
      default -> throw new IllegalArgumentException("not a lifecycle op " + op);
    }
    status = next;
    huntEvent(atMs, egress);
    publish();
    return true;
  }

  void huntEvent(long atMs, Egress egress) {
    JsonWriter json =
        Replies.event(egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "hunt", pendingSeq(), atMs);
    json.field("status", HuntStatus.name(status));
    writeTimes(json);
    Replies.endEvent(egress);
  }

  void announce(CharSequence message, long atMs, Egress egress) {
    Replies.event(egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "announce", pendingSeq(), atMs)
        .field("message", message);
    Replies.endEvent(egress);
  }

  private void writeTimes(JsonWriter json) {
    long startsAt = startedAtMs != HuntSnapshot.NO_TIME ? startedAtMs : snapshot.startsAtMs();
    long endsAt = endedAtMs != HuntSnapshot.NO_TIME ? endedAtMs : snapshot.endsAtMs();
    json.name("startsAt");
    if (startsAt == HuntSnapshot.NO_TIME) {
      json.nullValue();
    } else {
      json.number(startsAt);
    }
    json.name("endsAt");
    if (endsAt == HuntSnapshot.NO_TIME) {
      json.nullValue();
    } else {
      json.number(endsAt);
    }
  }

  // ---------------------------------------------------------------- join

  /** Adds a player (and its team when new). Join is not on the hot path. */
  boolean join(CommandDecoder cmd, Egress egress, PlayerTokens tokens) {
    String name = cmd.name().toString();
    String teamName = cmd.team().toString();
    if (!validName(name)) {
      Replies.fail(
          egress, cmd, ErrorCode.BAD_NAME, "name must be 1-32 characters, no control characters");
      return false;
    }
    if (!teamName.isEmpty() && !validName(teamName)) {
      Replies.fail(
          egress, cmd, ErrorCode.BAD_NAME, "team must be 1-32 characters, no control characters");
      return false;
    }
    if (players.count() >= snapshot.maxPlayers()) {
      Replies.fail(egress, cmd, ErrorCode.HUNT_FULL, "the hunt has reached its player limit");
      return false;
    }
    long seqNow = pendingSeq();
    int team;
    if (teamName.isEmpty()) {
      team = teams.add(uniqueTeamName(name), true);
      board.update(team, 0L, seqNow);
    } else {
      team = teams.find(teamName);
      if (team >= 0 && (teams.solo(team) || teams.size(team) >= snapshot.teamMaxSize())) {
        Replies.fail(egress, cmd, ErrorCode.TEAM_FULL, "this team is full");
        return false;
      }
      if (team < 0) {
        team = teams.add(teamName, false);
        board.update(team, 0L, seqNow);
      }
    }
    teams.addMember(team);
    int player = players.add(name, team);
    publish();
    joinedReply(cmd, egress, tokens.issue(snapshot.id(), player), player);
    return true;
  }

  /** Answers a join by token for an existing player; changes nothing. */
  void resume(CommandDecoder cmd, Egress egress, PlayerTokens tokens, int player) {
    joinedReply(cmd, egress, tokens.issue(snapshot.id(), player), player);
  }

  private void joinedReply(CommandDecoder cmd, Egress egress, String token, int player) {
    int team = players.team(player);
    JsonWriter json = Replies.ok(egress, cmd, huntNumber, team, player);
    json.field("player", players.name(player))
        .field("team", teams.name(team))
        .field("token", token);
    json.name("hunt");
    writeHunt(json, team);
    Replies.end(egress, cmd);
  }

  private String uniqueTeamName(String name) {
    if (teams.find(name) < 0) {
      return name;
    }
    for (int n = 2; ; n++) {
      String candidate = name + " #" + n;
      if (teams.find(candidate) < 0) {
        return candidate;
      }
    }
  }

  static boolean validName(String name) {
    int codePoints = name.codePointCount(0, name.length());
    if (codePoints < 1 || codePoints > MAX_NAME_CODE_POINTS || name.isBlank()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- state

  void state(CommandDecoder cmd, int player, Egress egress) {
    int team = players.team(player);
    JsonWriter json = Replies.ok(egress, cmd, huntNumber, team, player).name("hunt");
    writeHunt(json, team);
    Replies.end(egress, cmd);
  }

  private void writeHunt(JsonWriter json, int team) {
    json.startObject()
        .field("id", snapshot.id())
        .field("title", snapshot.title())
        .field("status", HuntStatus.name(status));
    writeTimes(json);
    json.name("puzzles").startArray();
    for (int p = 0, n = snapshot.puzzleCount(); p < n; p++) {
      if (!puzzleVisible(team, p)) {
        continue;
      }
      Puzzle puzzle = snapshot.puzzle(p);
      boolean solved = teams.solved(team, p);
      int points =
          solved
              ? teams.pointsEarned(team, p)
              : snapshot.scoring().puzzleValue(puzzle.points(), solveCounts[p]);
      json.startObject()
          .field("id", puzzle.id())
          .field("title", puzzle.title())
          .field("text", puzzle.text())
          .field("points", points)
          .field("solved", solved)
          .field("hintsTaken", teams.hintsTaken(team, p))
          .endObject();
    }
    json.endArray().name("treasures").startArray();
    for (int t = 0, n = snapshot.treasureCount(); t < n; t++) {
      if (!treasureVisible(team, t)) {
        continue;
      }
      Treasure treasure = snapshot.treasure(t);
      json.startObject()
          .field("id", treasure.id())
          .field("name", treasure.name())
          .field("claimed", teams.claimed(team, t))
          .endObject();
    }
    json.endArray().field("score", teams.score(team)).field("rank", board.rank(team)).endObject();
  }

  boolean puzzleVisible(int team, int puzzle) {
    return requirementsMet(team, snapshot.puzzle(puzzle).requires());
  }

  boolean treasureVisible(int team, int treasure) {
    return requirementsMet(team, snapshot.treasure(treasure).requires());
  }

  private boolean requirementsMet(int team, IntList requires) {
    for (int i = 0, n = requires.size(); i < n; i++) {
      if (!teams.solved(team, requires.get(i))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- move and scan

  boolean move(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    double lat = cmd.lat();
    double lon = cmd.lon();
    if (!(lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0)) {
      Replies.fail(egress, cmd, ErrorCode.BAD_POSITION, "lat must be -90..90 and lon -180..180");
      return false;
    }
    if (players.hasPosition(player)) {
      double distanceM = GeoMath.distanceM(players.lat(player), players.lon(player), lat, lon);
      double elapsedS = Math.max(0L, nowMs - players.moveMs(player)) / 1000.0;
      double allowedM =
          snapshot.limits().maxSpeedMps() * elapsedS + snapshot.limits().moveToleranceM();
      if (distanceM > allowedM) {
        Replies.error(egress, cmd, ErrorCode.IMPOSSIBLE_MOVE, "moved faster than the hunt allows")
            .field("distanceM", distanceM, JsonWriter.DISTANCE_DECIMALS)
            .field("allowedM", allowedM, JsonWriter.DISTANCE_DECIMALS);
        Replies.end(egress, cmd);
        return false;
      }
    }
    players.move(player, lat, lon, nowMs);
    Replies.okEmpty(egress, cmd, huntNumber, player);
    return true;
  }

  void scan(CommandDecoder cmd, int player, Egress egress) {
    if (!players.hasPosition(player)) {
      Replies.fail(egress, cmd, ErrorCode.NO_POSITION, "send a move before scanning");
      return;
    }
    int team = players.team(player);
    int found =
        grid.query(players.lat(player), players.lon(player), snapshot.scanRadiusM(), scanResult);
    JsonWriter json = Replies.ok(egress, cmd, huntNumber, team, player).name("treasures");
    json.startArray();
    for (int i = 0; i < found; i++) {
      int t = scanResult.treasure(i);
      if (!treasureVisible(team, t)) {
        continue;
      }
      Treasure treasure = snapshot.treasure(t);
      json.startObject()
          .field("id", treasure.id())
          .field("name", treasure.name())
          .field("lat", treasure.lat(), JsonWriter.COORDINATE_DECIMALS)
          .field("lon", treasure.lon(), JsonWriter.COORDINATE_DECIMALS)
          .field("distanceM", scanResult.distanceM(i), JsonWriter.DISTANCE_DECIMALS)
          .field("claimed", teams.claimed(team, t))
          .endObject();
    }
    json.endArray();
    Replies.end(egress, cmd);
  }

  // ---------------------------------------------------------------- guess

  boolean guess(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    StringBuilder answer = cmd.answer();
    if (cmd.puzzleId().isEmpty()
        || answer.isEmpty()
        || answer.codePointCount(0, answer.length()) > MAX_ANSWER_CHARS) {
      Replies.fail(
          egress,
          cmd,
          ErrorCode.BAD_REQUEST,
          "puzzle and an answer of 1-200 characters are required");
      return false;
    }
    if (status != HuntStatus.RUNNING) {
      Replies.fail(egress, cmd, ErrorCode.HUNT_NOT_RUNNING, "the hunt is not running");
      return false;
    }
    int p = snapshot.puzzleIndex(cmd.puzzleId());
    if (p < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_PUZZLE, "no such puzzle");
      return false;
    }
    int team = players.team(player);
    if (!puzzleVisible(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.LOCKED, "solve the puzzles it requires first");
      return false;
    }
    if (teams.solved(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.ALREADY_SOLVED, "your team already solved this puzzle");
      return false;
    }
    int perMinute = snapshot.limits().guessesPerMinute();
    long tat = teams.guessTat(team, p);
    long retryAfterMs = RateLimiter.retryAfterMs(tat, nowMs, perMinute);
    if (retryAfterMs > 0) {
      Replies.error(egress, cmd, ErrorCode.RATE_LIMITED, "too many guesses for this puzzle")
          .field("retryAfterMs", retryAfterMs);
      Replies.end(egress, cmd);
      return false;
    }
    teams.guessTat(team, p, RateLimiter.spend(tat, nowMs, perMinute));

    Puzzle puzzle = snapshot.puzzle(p);
    AnswerNormalizer.normalize(answer, normalized);
    if (!isCorrect(puzzle, p, answer)) {
      JsonWriter json = Replies.ok(egress, cmd, huntNumber, team, player).field("correct", false);
      List<PartialAnswer> partials = puzzle.partials();
      for (int i = 0, n = partials.size(); i < n; i++) {
        PartialAnswer partial = partials.get(i);
        if (partial.normalizedAnswer().contentEquals(normalized)) {
          json.field("message", partial.reply());
          break;
        }
      }
      json.field("points", 0).field("score", teams.score(team));
      Replies.end(egress, cmd);
      return true;
    }

    long seqNow = pendingSeq();
    int points = snapshot.scoring().puzzleValue(puzzle.points(), solveCounts[p]);
    solveCounts[p]++;
    teams.solve(team, p, points);
    teams.addScore(team, points, seqNow);
    board.update(team, teams.score(team), seqNow);
    Replies.ok(egress, cmd, huntNumber, team, player)
        .field("correct", true)
        .field("points", points)
        .field("score", teams.score(team));
    Replies.end(egress, cmd);

    Replies.event(
            egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "solved", seqNow, cmd.timestampMs())
        .field("puzzle", puzzle.id())
        .field("team", teams.name(team));
    Replies.endEvent(egress);
    emitUnlocked(team, p, seqNow, cmd.timestampMs(), egress);
    return true;
  }

  private boolean isCorrect(Puzzle puzzle, int p, CharSequence answer) {
    if (normalized.isEmpty()) {
      return false;
    }
    List<String> answers = puzzle.normalizedAnswers();
    for (int i = 0, n = answers.size(); i < n; i++) {
      if (answers.get(i).contentEquals(normalized)) {
        return true;
      }
    }
    Matcher[] patterns = matchers[p];
    if (patterns.length > 0) {
      AnswerNormalizer.normalizeForPattern(answer, forPattern);
      for (Matcher matcher : patterns) {
        if (matcher.reset(forPattern).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tells the team about every puzzle and treasure that solving {@code solved} made visible. */
  private void emitUnlocked(int team, int solved, long seqNow, long atMs, Egress egress) {
    for (int q = 0, n = snapshot.puzzleCount(); q < n; q++) {
      Puzzle puzzle = snapshot.puzzle(q);
      if (puzzle.requires().contains(solved) && puzzleVisible(team, q)) {
        Replies.event(egress, EgressHandler.TEAM_EVENT, huntNumber, team, "unlocked", seqNow, atMs)
            .field("puzzle", puzzle.id());
        Replies.endEvent(egress);
      }
    }
    for (int t = 0, n = snapshot.treasureCount(); t < n; t++) {
      Treasure treasure = snapshot.treasure(t);
      if (treasure.requires().contains(solved) && treasureVisible(team, t)) {
        Replies.event(egress, EgressHandler.TEAM_EVENT, huntNumber, team, "unlocked", seqNow, atMs)
            .field("treasure", treasure.id());
        Replies.endEvent(egress);
      }
    }
  }

  // ---------------------------------------------------------------- claim

  boolean claim(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    if (cmd.treasureId().isEmpty()) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "treasure is required");
      return false;
    }
    if (status != HuntStatus.RUNNING) {
      Replies.fail(egress, cmd, ErrorCode.HUNT_NOT_RUNNING, "the hunt is not running");
      return false;
    }
    int t = snapshot.treasureIndex(cmd.treasureId());
    if (t < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_TREASURE, "no such treasure");
      return false;
    }
    int team = players.team(player);
    if (!treasureVisible(team, t)) {
      Replies.fail(egress, cmd, ErrorCode.LOCKED, "solve the puzzles it requires first");
      return false;
    }
    if (teams.claimed(team, t)) {
      Replies.fail(
          egress, cmd, ErrorCode.ALREADY_CLAIMED, "your team already claimed this treasure");
      return false;
    }
    int perMinute = snapshot.limits().claimsPerMinute();
    long tat = teams.claimTat(team);
    long retryAfterMs = RateLimiter.retryAfterMs(tat, nowMs, perMinute);
    if (retryAfterMs > 0) {
      Replies.error(egress, cmd, ErrorCode.RATE_LIMITED, "too many claims")
          .field("retryAfterMs", retryAfterMs);
      Replies.end(egress, cmd);
      return false;
    }
    teams.claimTat(team, RateLimiter.spend(tat, nowMs, perMinute));

    Treasure treasure = snapshot.treasure(t);
    if (!players.hasPosition(player)) {
      Replies.fail(
          egress, cmd, ErrorCode.TOO_FAR, "no position yet: send a move from the spot first");
      return true;
    }
    double distanceM =
        GeoMath.distanceM(players.lat(player), players.lon(player), treasure.lat(), treasure.lon());
    if (distanceM > treasure.radiusM()) {
      Replies.error(egress, cmd, ErrorCode.TOO_FAR, "too far from the treasure")
          .field("distanceM", distanceM, JsonWriter.DISTANCE_DECIMALS);
      Replies.end(egress, cmd);
      return true;
    }
    if (treasure.hasCode()) {
      AnswerNormalizer.normalize(cmd.code(), normalized);
      if (!treasure.normalizedCode().contentEquals(normalized)) {
        Replies.fail(egress, cmd, ErrorCode.WRONG_CODE, "wrong claim code");
        return true;
      }
    }

    long seqNow = pendingSeq();
    boolean first = claimCounts[t] == 0;
    int points = treasure.points() + (first ? snapshot.scoring().firstClaimBonus() : 0);
    claimCounts[t]++;
    teams.claim(team, t);
    teams.addScore(team, points, seqNow);
    board.update(team, teams.score(team), seqNow);
    Replies.ok(egress, cmd, huntNumber, team, player)
        .field("first", first)
        .field("points", points)
        .field("score", teams.score(team));
    Replies.end(egress, cmd);
    Replies.event(
            egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "claimed", seqNow, cmd.timestampMs())
        .field("treasure", treasure.id())
        .field("team", teams.name(team))
        .field("first", first);
    Replies.endEvent(egress);
    return true;
  }

  // ---------------------------------------------------------------- hint

  boolean hint(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    if (cmd.puzzleId().isEmpty()) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "puzzle is required");
      return false;
    }
    int p = snapshot.puzzleIndex(cmd.puzzleId());
    if (p < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_PUZZLE, "no such puzzle");
      return false;
    }
    int team = players.team(player);
    if (!puzzleVisible(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the puzzle is locked");
      return false;
    }
    if (teams.solved(team, p)) {
      Replies.fail(
          egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "your team already solved this puzzle");
      return false;
    }
    Puzzle puzzle = snapshot.puzzle(p);
    int taken = teams.hintsTaken(team, p);
    if (taken >= puzzle.hints().size()) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "no hints left for this puzzle");
      return false;
    }
    if (startedAtMs == HuntSnapshot.NO_TIME) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the hunt has not started");
      return false;
    }
    Hint hint = puzzle.hints().get(taken);
    long availableAtMs = startedAtMs + hint.afterMs();
    if (nowMs < availableAtMs) {
      Replies.error(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the next hint is not available yet")
          .field("availableAtMs", availableAtMs)
          .field("retryAfterMs", availableAtMs - nowMs);
      Replies.end(egress, cmd);
      return false;
    }
    long seqNow = pendingSeq();
    teams.takeHint(team, p);
    teams.addScore(team, -hint.cost(), seqNow);
    board.update(team, teams.score(team), seqNow);
    Replies.ok(egress, cmd, huntNumber, team, player)
        .field("hint", hint.text())
        .field("cost", hint.cost())
        .field("score", teams.score(team));
    Replies.end(egress, cmd);
    return true;
  }

  // ---------------------------------------------------------------- board

  void board(CommandDecoder cmd, int player, Egress egress) {
    int limit = cmd.limit() == 0 ? DEFAULT_BOARD_LIMIT : cmd.limit();
    if (limit < 1 || limit > MAX_BOARD_LIMIT) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "limit must be 1-100");
      return;
    }
    int team = players.team(player);
    JsonWriter json = Replies.ok(egress, cmd, huntNumber, team, player).name("top");
    writeTop(json, limit);
    json.name("you")
        .startObject()
        .field("rank", board.rank(team))
        .field("score", teams.score(team))
        .endObject();
    Replies.end(egress, cmd);
  }

  private void writeTop(JsonWriter json, int limit) {
    int count = board.top(limit, topTeams, topScores, topRanks);
    json.startArray();
    for (int i = 0; i < count; i++) {
      json.startObject()
          .field("rank", topRanks[i])
          .field("team", teams.name(topTeams[i]))
          .field("score", topScores[i])
          .endObject();
    }
    json.endArray();
  }

  /**
   * Pushes the top 10 to the hunt when it differs from the last push. Not state: after a restart
   * the first tick pushes once more, which clients take as a refresh.
   */
  void pushBoardIfChanged(long atMs, Egress egress) {
    int count = board.top(DEFAULT_BOARD_LIMIT, topTeams, topScores, topRanks);
    boolean same = count == pushedCount;
    for (int i = 0; same && i < count; i++) {
      same = topTeams[i] == pushedTeams[i] && topScores[i] == pushedScores[i];
    }
    if (same) {
      return;
    }
    System.arraycopy(topTeams, 0, pushedTeams, 0, count);
    System.arraycopy(topScores, 0, pushedScores, 0, count);
    pushedCount = count;
    JsonWriter json =
        Replies.event(egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "board", seq, atMs)
            .name("top");
    writeTop(json, DEFAULT_BOARD_LIMIT);
    Replies.endEvent(egress);
  }

  // ---------------------------------------------------------------- reload

  /** Progress as the reload diff needs it. */
  HuntProgress progress() {
    return new HuntProgress() {
      @Override
      public boolean puzzleSolved(String puzzleId) {
        int p = snapshot.puzzleIndex(puzzleId);
        return p >= 0 && solveCounts[p] > 0;
      }

      @Override
      public boolean treasureClaimed(String treasureId) {
        int t = snapshot.treasureIndex(treasureId);
        return t >= 0 && claimCounts[t] > 0;
      }

      @Override
      public boolean anyPointsAwarded() {
        for (int team = 0; team < teams.count(); team++) {
          if (teams.score(team) != 0) {
            return true;
          }
        }
        for (int c : solveCounts) {
          if (c > 0) {
            return true;
          }
        }
        for (int c : claimCounts) {
          if (c > 0) {
            return true;
          }
        }
        return false;
      }
    };
  }

  /** Replaces the snapshot, carrying every team's progress over by puzzle and treasure id. */
  void reload(HuntSnapshot next) {
    HuntSnapshot old = snapshot;
    int[] puzzleFrom = new int[next.puzzleCount()];
    int[] newSolveCounts = new int[next.puzzleCount()];
    for (int j = 0; j < puzzleFrom.length; j++) {
      puzzleFrom[j] = old.puzzleIndex(next.puzzle(j).id());
      newSolveCounts[j] = puzzleFrom[j] >= 0 ? solveCounts[puzzleFrom[j]] : 0;
    }
    int[] treasureFrom = new int[next.treasureCount()];
    int[] newClaimCounts = new int[next.treasureCount()];
    for (int j = 0; j < treasureFrom.length; j++) {
      treasureFrom[j] = old.treasureIndex(next.treasure(j).id());
      newClaimCounts[j] = treasureFrom[j] >= 0 ? claimCounts[treasureFrom[j]] : 0;
    }
    teams.remap(puzzleFrom, treasureFrom);
    if (next.limits().guessesPerMinute() != old.limits().guessesPerMinute()) {
      teams.clearGuessLimits();
    }
    if (next.limits().claimsPerMinute() != old.limits().claimsPerMinute()) {
      teams.clearClaimLimits();
    }
    solveCounts = newSolveCounts;
    claimCounts = newClaimCounts;
    useSnapshot(next);
    publish();
  }
}
