package io.cairn.engine.hunt;

import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.geo.GeoMath;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.AnswerNormalizer;
import io.cairn.veltrix.Hint;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.PartialAnswer;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations that earn or cost points: guess, claim and hint. Each checks its rules in the
 * protocol's order, spends a rate-limit token where one applies (a spent token is a change, so the
 * command is journaled even when the answer is wrong), then scores and tells the hunt. Answers are
 * normalised into reused builders and patterns run through reused matchers, so none of this
 * allocates.
 */
final class PointOps {
  static final int MAX_ANSWER_CHARS = 200;

  private final HuntState hunt;
  private final StringBuilder normalized = new StringBuilder(256);
  private final StringBuilder forPattern = new StringBuilder(256);
  private Matcher[][] matchers;

  PointOps(HuntState hunt) {
    this.hunt = hunt;
  }

  /** Prepares one reusable matcher per answer pattern of a new or reloaded snapshot. */
  void useSnapshot(HuntSnapshot snapshot) {
    matchers = new Matcher[snapshot.puzzleCount()][];
    for (int p = 0; p < snapshot.puzzleCount(); p++) {
      List<Pattern> patterns = snapshot.puzzle(p).answerPatterns();
      matchers[p] = new Matcher[patterns.size()];
      for (int k = 0; k < patterns.size(); k++) {
        matchers[p][k] = patterns.get(k).matcher("");
      }
    }
  }

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
    if (hunt.status != HuntStatus.RUNNING) {
      notRunning(egress, cmd, hunt);
      return false;
    }
    int p = hunt.snapshot.puzzleIndex(cmd.puzzleId());
    if (p < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_PUZZLE, "no such puzzle");
      return false;
    }
    if (!hunt.puzzleRoundOpen(p)) {
      roundLocked(cmd, egress, ErrorCode.LOCKED, hunt.snapshot.puzzleRound(p));
      return false;
    }
    int team = hunt.players.team(player);
    if (!hunt.puzzleVisible(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.LOCKED, "solve the puzzles it requires first");
      return false;
    }
    if (hunt.teams.solved(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.ALREADY_SOLVED, "your team already solved this puzzle");
      return false;
    }
    int perMinute = hunt.snapshot.limits().guessesPerMinute();
    long tat = hunt.teams.guessTat(team, p);
    long retryAfterMs = RateLimiter.retryAfterMs(tat, nowMs, perMinute);
    if (retryAfterMs > 0) {
      Replies.error(egress, cmd, ErrorCode.RATE_LIMITED, "too many guesses for this puzzle")
          .field("retryAfterMs", retryAfterMs);
      Replies.end(egress, cmd);
      return false;
    }
    hunt.teams.guessTat(team, p, RateLimiter.spend(tat, nowMs, perMinute));

    Puzzle puzzle = hunt.snapshot.puzzle(p);
    AnswerNormalizer.normalize(answer, normalized);
    if (!isCorrect(puzzle, p, answer)) {
      JsonWriter json =
          Replies.ok(egress, cmd, hunt.huntNumber, team, player).field("correct", false);
      List<PartialAnswer> partials = puzzle.partials();
      for (int i = 0, n = partials.size(); i < n; i++) {
        PartialAnswer partial = partials.get(i);
        if (partial.normalizedAnswer().contentEquals(normalized)) {
          json.field("message", partial.reply());
          break;
        }
      }
      json.field("points", 0).field("score", hunt.teams.score(team));
      Replies.end(egress, cmd);
      return true;
    }

    long seqNow = hunt.pendingSeq();
    int points = hunt.snapshot.scoring().puzzleValue(puzzle.points(), hunt.solveCounts[p]);
    hunt.solveCounts[p]++;
    hunt.teams.solve(team, p, points);
    hunt.teams.addScore(team, points, seqNow);
    hunt.board.update(team, hunt.teams.score(team), seqNow);
    Replies.ok(egress, cmd, hunt.huntNumber, team, player)
        .field("correct", true)
        .field("points", points)
        .field("score", hunt.teams.score(team));
    Replies.end(egress, cmd);

    Replies.event(
            egress,
            EgressHandler.HUNT_EVENT,
            hunt.huntNumber,
            -1,
            "solved",
            seqNow,
            cmd.timestampMs())
        .field("puzzle", puzzle.id())
        .field("team", hunt.teams.name(team));
    Replies.endEvent(egress);
    emitUnlocked(team, p, seqNow, cmd.timestampMs(), egress);
    return true;
  }

  /**
   * Refuses an item whose round has not opened: {@code round} names it and {@code availableAtMs}
   * says when it opens, once the hunt's start is known.
   */
  private void roundLocked(CommandDecoder cmd, Egress egress, String code, int round) {
    JsonWriter json =
        Replies.error(egress, cmd, code, hunt.rounds.lockedMessage(round))
            .field("round", hunt.snapshot.round(round).id());
    long opensAtMs = hunt.rounds.opensAtMs(round);
    if (opensAtMs != HuntSnapshot.NO_TIME) {
      json.field("availableAtMs", opensAtMs);
    }
    Replies.end(egress, cmd);
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
    for (int q = 0, n = hunt.snapshot.puzzleCount(); q < n; q++) {
      Puzzle puzzle = hunt.snapshot.puzzle(q);
      if (puzzle.requires().contains(solved) && hunt.puzzleVisible(team, q)) {
        Replies.event(
                egress, EgressHandler.TEAM_EVENT, hunt.huntNumber, team, "unlocked", seqNow, atMs)
            .field("puzzle", puzzle.id());
        Replies.endEvent(egress);
      }
    }
    for (int t = 0, n = hunt.snapshot.treasureCount(); t < n; t++) {
      Treasure treasure = hunt.snapshot.treasure(t);
      if (treasure.requires().contains(solved) && hunt.treasureVisible(team, t)) {
        Replies.event(
                egress, EgressHandler.TEAM_EVENT, hunt.huntNumber, team, "unlocked", seqNow, atMs)
            .field("treasure", treasure.id());
        Replies.endEvent(egress);
      }
    }
  }

  boolean claim(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    if (cmd.treasureId().isEmpty()) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "treasure is required");
      return false;
    }
    if (hunt.status != HuntStatus.RUNNING) {
      notRunning(egress, cmd, hunt);
      return false;
    }
    int t = hunt.snapshot.treasureIndex(cmd.treasureId());
    if (t < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_TREASURE, "no such treasure");
      return false;
    }
    if (!hunt.treasureRoundOpen(t)) {
      roundLocked(cmd, egress, ErrorCode.LOCKED, hunt.snapshot.treasureRound(t));
      return false;
    }
    int team = hunt.players.team(player);
    if (!hunt.treasureVisible(team, t)) {
      Replies.fail(egress, cmd, ErrorCode.LOCKED, "solve the puzzles it requires first");
      return false;
    }
    if (hunt.teams.claimed(team, t)) {
      Replies.fail(
          egress, cmd, ErrorCode.ALREADY_CLAIMED, "your team already claimed this treasure");
      return false;
    }
    int perMinute = hunt.snapshot.limits().claimsPerMinute();
    long tat = hunt.teams.claimTat(team);
    long retryAfterMs = RateLimiter.retryAfterMs(tat, nowMs, perMinute);
    if (retryAfterMs > 0) {
      Replies.error(egress, cmd, ErrorCode.RATE_LIMITED, "too many claims")
          .field("retryAfterMs", retryAfterMs);
      Replies.end(egress, cmd);
      return false;
    }
    hunt.teams.claimTat(team, RateLimiter.spend(tat, nowMs, perMinute));

    Treasure treasure = hunt.snapshot.treasure(t);
    if (!hunt.players.hasPosition(player)) {
      Replies.fail(
          egress, cmd, ErrorCode.TOO_FAR, "no position yet: send a move from the spot first");
      return true;
    }
    double distanceM =
        GeoMath.distanceM(
            hunt.players.lat(player), hunt.players.lon(player), treasure.lat(), treasure.lon());
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

    long seqNow = hunt.pendingSeq();
    boolean first = hunt.claimCounts[t] == 0;
    int points = treasure.points() + (first ? hunt.snapshot.scoring().firstClaimBonus() : 0);
    hunt.claimCounts[t]++;
    hunt.teams.claim(team, t);
    hunt.teams.addScore(team, points, seqNow);
    hunt.board.update(team, hunt.teams.score(team), seqNow);
    Replies.ok(egress, cmd, hunt.huntNumber, team, player)
        .field("first", first)
        .field("points", points)
        .field("score", hunt.teams.score(team));
    Replies.end(egress, cmd);
    Replies.event(
            egress,
            EgressHandler.HUNT_EVENT,
            hunt.huntNumber,
            -1,
            "claimed",
            seqNow,
            cmd.timestampMs())
        .field("treasure", treasure.id())
        .field("team", hunt.teams.name(team))
        .field("first", first);
    Replies.endEvent(egress);
    return true;
  }

  boolean hint(CommandDecoder cmd, int player, long nowMs, Egress egress) {
    if (cmd.puzzleId().isEmpty()) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "puzzle is required");
      return false;
    }
    int p = hunt.snapshot.puzzleIndex(cmd.puzzleId());
    if (p < 0) {
      Replies.fail(egress, cmd, ErrorCode.UNKNOWN_PUZZLE, "no such puzzle");
      return false;
    }
    if (!hunt.puzzleRoundOpen(p)) {
      roundLocked(cmd, egress, ErrorCode.NO_HINT_AVAILABLE, hunt.snapshot.puzzleRound(p));
      return false;
    }
    int team = hunt.players.team(player);
    if (!hunt.puzzleVisible(team, p)) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the puzzle is locked");
      return false;
    }
    if (hunt.teams.solved(team, p)) {
      Replies.fail(
          egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "your team already solved this puzzle");
      return false;
    }
    Puzzle puzzle = hunt.snapshot.puzzle(p);
    int taken = hunt.teams.hintsTaken(team, p);
    if (taken >= puzzle.hints().size()) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "no hints left for this puzzle");
      return false;
    }
    if (hunt.startedAtMs == HuntSnapshot.NO_TIME) {
      Replies.fail(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the hunt has not started");
      return false;
    }
    Hint hint = puzzle.hints().get(taken);
    long availableAtMs = hunt.startedAtMs + hint.afterMs();
    if (nowMs < availableAtMs) {
      Replies.error(egress, cmd, ErrorCode.NO_HINT_AVAILABLE, "the next hint is not available yet")
          .field("availableAtMs", availableAtMs)
          .field("retryAfterMs", availableAtMs - nowMs);
      Replies.end(egress, cmd);
      return false;
    }
    long seqNow = hunt.pendingSeq();
    hunt.teams.takeHint(team, p);
    hunt.teams.addScore(team, -hint.cost(), seqNow);
    hunt.board.update(team, hunt.teams.score(team), seqNow);
    Replies.ok(egress, cmd, hunt.huntNumber, team, player)
        .field("hint", hint.text())
        .field("cost", hint.cost())
        .field("score", hunt.teams.score(team));
    Replies.end(egress, cmd);
    return true;
  }

  /** HUNT_NOT_RUNNING with the hunt's status, so a client can tell "not yet" from "over". */
  private static void notRunning(Egress egress, CommandDecoder cmd, HuntState hunt) {
    Replies.error(egress, cmd, ErrorCode.HUNT_NOT_RUNNING, "the hunt is not running")
        .field("status", HuntStatus.name(hunt.status));
    Replies.end(egress, cmd);
  }
}
