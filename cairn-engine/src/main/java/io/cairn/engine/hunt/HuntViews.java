package io.cairn.engine.hunt;

import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.geo.ScanResult;
import io.cairn.engine.geo.TreasureGrid;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Puzzle;
import io.cairn.veltrix.Treasure;

/**
 * The read-only operations of a hunt and the JSON they answer with: state, scan, board, and the
 * coalesced board push. They change nothing, so they are never journaled; they allocate nothing.
 */
final class HuntViews {
  static final int DEFAULT_BOARD_LIMIT = 10;
  static final int MAX_BOARD_LIMIT = 100;

  private static final byte[] ID = JsonWriter.encode("id");
  private static final byte[] TITLE = JsonWriter.encode("title");
  private static final byte[] TEXT = JsonWriter.encode("text");
  private static final byte[] NAME = JsonWriter.encode("name");
  private static final byte[] POINTS = JsonWriter.encode("points");
  private static final byte[] SOLVED = JsonWriter.encode("solved");
  private static final byte[] HINTS_TAKEN = JsonWriter.encode("hintsTaken");
  private static final byte[] CLAIMED = JsonWriter.encode("claimed");
  private static final byte[] LAT = JsonWriter.encode("lat");
  private static final byte[] LON = JsonWriter.encode("lon");
  private static final byte[] DISTANCE_M = JsonWriter.encode("distanceM");
  private static final byte[] RANK = JsonWriter.encode("rank");
  private static final byte[] TEAM = JsonWriter.encode("team");
  private static final byte[] SCORE = JsonWriter.encode("score");
  private static final byte[] ROUND = JsonWriter.encode("round");
  private static final byte[] INDEX = JsonWriter.encode("index");
  private static final byte[] OPENS_AT = JsonWriter.encode("opensAt");
  private static final byte[] OPEN = JsonWriter.encode("open");

  private final HuntState hunt;
  private byte[] huntId;
  private byte[] huntTitle;
  private byte[][] puzzleIds;
  private byte[][] puzzleTitles;
  private byte[][] puzzleTexts;
  private byte[][] treasureIds;
  private byte[][] treasureNames;
  private byte[][] roundIds;
  private byte[][] roundTitles;
  private TreasureGrid grid;
  private ScanResult scanResult;
  private final int[] topTeams = new int[MAX_BOARD_LIMIT];
  private final long[] topScores = new long[MAX_BOARD_LIMIT];
  private final int[] topRanks = new int[MAX_BOARD_LIMIT];
  private final int[] pushedTeams = new int[DEFAULT_BOARD_LIMIT];
  private final long[] pushedScores = new long[DEFAULT_BOARD_LIMIT];
  private int pushedCount;
  private final MapView map;

  HuntViews(HuntState hunt) {
    this.hunt = hunt;
    this.map = new MapView(hunt);
  }

  /**
   * Rebuilds the spatial index for a new or reloaded snapshot, and encodes its texts to JSON once,
   * so that replies copy them instead of escaping them char by char.
   */
  void useSnapshot(HuntSnapshot snapshot) {
    grid = new TreasureGrid(snapshot);
    scanResult = new ScanResult(Math.max(1, snapshot.treasureCount()));
    huntId = JsonWriter.encode(snapshot.id());
    huntTitle = JsonWriter.encode(snapshot.title());
    int puzzles = snapshot.puzzleCount();
    puzzleIds = new byte[puzzles][];
    puzzleTitles = new byte[puzzles][];
    puzzleTexts = new byte[puzzles][];
    for (int p = 0; p < puzzles; p++) {
      Puzzle puzzle = snapshot.puzzle(p);
      puzzleIds[p] = JsonWriter.encode(puzzle.id());
      puzzleTitles[p] = JsonWriter.encode(puzzle.title());
      puzzleTexts[p] = JsonWriter.encode(puzzle.text());
    }
    int treasures = snapshot.treasureCount();
    treasureIds = new byte[treasures][];
    treasureNames = new byte[treasures][];
    for (int t = 0; t < treasures; t++) {
      Treasure treasure = snapshot.treasure(t);
      treasureIds[t] = JsonWriter.encode(treasure.id());
      treasureNames[t] = JsonWriter.encode(treasure.name());
    }
    roundIds = new byte[snapshot.roundCount()][];
    roundTitles = new byte[snapshot.roundCount()][];
    for (int r = 0; r < snapshot.roundCount(); r++) {
      roundIds[r] = JsonWriter.encode(snapshot.round(r).id());
      roundTitles[r] = JsonWriter.encode(snapshot.round(r).title());
    }
  }

  /**
   * {@code startsAt} and {@code endsAt} in epoch ms (null when unset): actual once they happened.
   */
  void writeTimes(JsonWriter json) {
    long startsAt = hunt.startsAtMs();
    long endsAt = hunt.endsAtMs();
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

  void state(CommandDecoder cmd, int player, Egress egress) {
    int team = hunt.players.team(player);
    JsonWriter json = Replies.ok(egress, cmd, hunt.huntNumber, team, player).name("hunt");
    writeHunt(json, team);
    Replies.end(egress, cmd);
  }

  /** The {@code hunt} object of state and join replies: only what {@code team} may see. */
  void writeHunt(JsonWriter json, int team) {
    json.startObject()
        .name(ID)
        .encoded(huntId)
        .name(TITLE)
        .encoded(huntTitle)
        .field("status", HuntStatus.name(hunt.status));
    writeTimes(json);
    boolean rounds = hunt.snapshot.hasRounds();
    if (rounds) {
      writeRounds(json);
    }
    json.name("puzzles").startArray();
    for (int p = 0, n = hunt.snapshot.puzzleCount(); p < n; p++) {
      if (!hunt.puzzleVisible(team, p)) {
        continue;
      }
      Puzzle puzzle = hunt.snapshot.puzzle(p);
      boolean solved = hunt.teams.solved(team, p);
      int points =
          solved
              ? hunt.teams.pointsEarned(team, p)
              : hunt.snapshot.scoring().puzzleValue(puzzle.points(), hunt.solveCounts[p]);
      json.startObject()
          .name(ID)
          .encoded(puzzleIds[p])
          .name(TITLE)
          .encoded(puzzleTitles[p])
          .name(TEXT)
          .encoded(puzzleTexts[p])
          .name(POINTS)
          .number(points)
          .name(SOLVED)
          .bool(solved)
          .name(HINTS_TAKEN)
          .number(hunt.teams.hintsTaken(team, p));
      if (rounds) {
        json.name(ROUND).encoded(roundIds[hunt.snapshot.puzzleRound(p)]);
      }
      json.endObject();
    }
    json.endArray().name("treasures").startArray();
    for (int t = 0, n = hunt.snapshot.treasureCount(); t < n; t++) {
      if (!hunt.treasureVisible(team, t)) {
        continue;
      }
      json.startObject()
          .name(ID)
          .encoded(treasureIds[t])
          .name(NAME)
          .encoded(treasureNames[t])
          .name(CLAIMED)
          .bool(hunt.teams.claimed(team, t));
      if (rounds) {
        json.name(ROUND).encoded(roundIds[hunt.snapshot.treasureRound(t)]);
      }
      json.endObject();
    }
    json.endArray()
        .name(SCORE)
        .number(hunt.teams.score(team))
        .name(RANK)
        .number(hunt.board.rank(team))
        .endObject();
  }

  /** The hunt's rounds: {@code [{id, title, index, opensAt, open}]}, opensAt null until known. */
  private void writeRounds(JsonWriter json) {
    json.name("rounds").startArray();
    for (int r = 0, n = hunt.snapshot.roundCount(); r < n; r++) {
      json.startObject()
          .name(ID)
          .encoded(roundIds[r])
          .name(TITLE)
          .encoded(roundTitles[r])
          .name(INDEX)
          .number(r)
          .name(OPENS_AT);
      long opensAtMs = hunt.rounds.opensAtMs(r);
      if (opensAtMs == HuntSnapshot.NO_TIME) {
        json.nullValue();
      } else {
        json.number(opensAtMs);
      }
      json.name(OPEN).bool(hunt.rounds.isOpen(r)).endObject();
    }
    json.endArray();
  }

  void scan(CommandDecoder cmd, int player, Egress egress) {
    if (!hunt.players.hasPosition(player)) {
      Replies.fail(egress, cmd, ErrorCode.NO_POSITION, "send a move before scanning");
      return;
    }
    int team = hunt.players.team(player);
    int found =
        grid.query(
            hunt.players.lat(player),
            hunt.players.lon(player),
            hunt.snapshot.scanRadiusM(),
            scanResult);
    JsonWriter json = Replies.ok(egress, cmd, hunt.huntNumber, team, player).name("treasures");
    json.startArray();
    for (int i = 0; i < found; i++) {
      int t = scanResult.treasure(i);
      if (!hunt.treasureVisible(team, t)) {
        continue;
      }
      Treasure treasure = hunt.snapshot.treasure(t);
      json.startObject()
          .name(ID)
          .encoded(treasureIds[t])
          .name(NAME)
          .encoded(treasureNames[t])
          .name(LAT)
          .number(treasure.lat(), JsonWriter.COORDINATE_DECIMALS)
          .name(LON)
          .number(treasure.lon(), JsonWriter.COORDINATE_DECIMALS)
          .name(DISTANCE_M)
          .number(scanResult.distanceM(i), JsonWriter.DISTANCE_DECIMALS)
          .name(CLAIMED)
          .bool(hunt.teams.claimed(team, t));
      if (hunt.snapshot.hasRounds()) {
        json.name(ROUND).encoded(roundIds[hunt.snapshot.treasureRound(t)]);
      }
      json.endObject();
    }
    json.endArray();
    Replies.end(egress, cmd);
  }

  void board(CommandDecoder cmd, int player, Egress egress) {
    int limit = cmd.limit() == 0 ? DEFAULT_BOARD_LIMIT : cmd.limit();
    if (limit < 1 || limit > MAX_BOARD_LIMIT) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "limit must be 1-100");
      return;
    }
    int team = hunt.players.team(player);
    JsonWriter json = Replies.ok(egress, cmd, hunt.huntNumber, team, player).name("top");
    writeTop(json, limit);
    json.name("you")
        .startObject()
        .name(RANK)
        .number(hunt.board.rank(team))
        .name(SCORE)
        .number(hunt.teams.score(team))
        .endObject();
    Replies.end(egress, cmd);
  }

  /** The organiser's board: the top N and the team count, no {@code you}. */
  void huntBoard(CommandDecoder cmd, Egress egress) {
    int limit = cmd.limit() == 0 ? DEFAULT_BOARD_LIMIT : cmd.limit();
    if (limit < 1 || limit > MAX_BOARD_LIMIT) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "limit must be 1-100");
      return;
    }
    JsonWriter json =
        Replies.ok(egress, cmd, hunt.huntNumber, -1, -1)
            .field("hunt", hunt.snapshot.id())
            .field("teams", hunt.teams.count())
            .name("top");
    writeTop(json, limit);
    Replies.end(egress, cmd);
  }

  /** The organiser's map: treasures with claim counts and a density grid of players. */
  void huntMap(CommandDecoder cmd, Egress egress) {
    map.huntMap(cmd, egress);
  }

  private void writeTop(JsonWriter json, int limit) {
    int count = hunt.board.top(limit, topTeams, topScores, topRanks);
    json.startArray();
    for (int i = 0; i < count; i++) {
      json.startObject()
          .name(RANK)
          .number(topRanks[i])
          .name(TEAM)
          .encoded(hunt.teams.encodedName(topTeams[i]))
          .name(SCORE)
          .number(topScores[i])
          .endObject();
    }
    json.endArray();
  }

  /**
   * Pushes the top 10 to the hunt when it differs from the last push. Not state: after a restart
   * the first tick pushes once more, which clients take as a refresh.
   */
  void pushBoardIfChanged(long atMs, Egress egress) {
    int count = hunt.board.top(DEFAULT_BOARD_LIMIT, topTeams, topScores, topRanks);
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
        Replies.event(
                egress, EgressHandler.HUNT_EVENT, hunt.huntNumber, -1, "board", hunt.seq, atMs)
            .name("top");
    writeTop(json, DEFAULT_BOARD_LIMIT);
    Replies.endEvent(egress);
  }
}
