package io.cairn.engine.hunt;

import io.cairn.engine.board.Leaderboard;
import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.command.Op;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.geo.GeoMath;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.HuntProgress;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.IntList;

/**
 * One hunt's live state: its snapshot, lifecycle and time, players, teams and leaderboard, with the
 * operations that shape them (lifecycle, join, move, reload). Reading operations live in {@link
 * HuntViews}, scoring ones in {@link PointOps}, rounds in {@link HuntRounds}. Owned by one shard
 * thread. Every operation takes the decoded command and the hunt's time for it, writes its reply
 * and events to the egress, and returns whether it changed state (then the shard journals the
 * command and calls {@link #commit}). Rejections are replies, never exceptions, and the player
 * operations allocate nothing.
 */
final class HuntState {
  static final int MAX_NAME_CODE_POINTS = 32;

  final int huntNumber;
  final HuntView view;
  HuntSnapshot snapshot;
  final HuntViews views = new HuntViews(this);
  final PointOps points = new PointOps(this);
  final HuntRounds rounds = new HuntRounds(this);

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
    views.useSnapshot(next);
    points.useSnapshot(next);
    rounds.useSnapshot(next);
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
    view.publish(
        snapshot,
        status,
        startsAtMs(),
        endsAtMs(),
        players.count(),
        teams.count(),
        rounds.currentId());
  }

  /** When the hunt started, once it has; until then its {@code starts-at} (or NO_TIME). */
  long startsAtMs() {
    return startedAtMs != HuntSnapshot.NO_TIME ? startedAtMs : snapshot.startsAtMs();
  }

  /** When the hunt ended, once it has; until then its {@code ends-at} (or NO_TIME). */
  long endsAtMs() {
    return endedAtMs != HuntSnapshot.NO_TIME ? endedAtMs : snapshot.endsAtMs();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Moves the hunt along its schedule: scheduled to running at {@code starts-at}, each later round
   * open at its time, ended at {@code ends-at}. Emits a {@code hunt} event per transition and a
   * {@code round} event per round opened; returns whether anything happened.
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
    changed |= rounds.openDue(nowMs, atMs, egress);
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
    views.writeTimes(json);
    Replies.endEvent(egress);
  }

  void announce(CharSequence message, long atMs, Egress egress) {
    Replies.event(egress, EgressHandler.HUNT_EVENT, huntNumber, -1, "announce", pendingSeq(), atMs)
        .field("message", message);
    Replies.endEvent(egress);
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
    views.writeHunt(json, team);
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

  boolean puzzleVisible(int team, int puzzle) {
    return puzzleRoundOpen(puzzle) && requirementsMet(team, snapshot.puzzle(puzzle).requires());
  }

  boolean treasureVisible(int team, int treasure) {
    return treasureRoundOpen(treasure)
        && requirementsMet(team, snapshot.treasure(treasure).requires());
  }

  boolean puzzleRoundOpen(int puzzle) {
    return rounds.isOpen(snapshot.puzzleRound(puzzle));
  }

  boolean treasureRoundOpen(int treasure) {
    return rounds.isOpen(snapshot.treasureRound(treasure));
  }

  private boolean requirementsMet(int team, IntList requires) {
    for (int i = 0, n = requires.size(); i < n; i++) {
      if (!teams.solved(team, requires.get(i))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- move

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
      public boolean roundOpened(String roundId) {
        int r = snapshot.roundIndex(roundId);
        return r >= 0 && rounds.isOpen(r);
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

  /**
   * Replaces the snapshot, carrying every team's progress over by puzzle and treasure id, and the
   * open rounds by round id ({@link HuntRounds#carryOver}).
   */
  void reload(HuntSnapshot next, long nowMs, long atMs, Egress egress) {
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
    rounds.carryOver(old, nowMs, atMs, egress);
    publish();
  }
}
