package io.cairn.engine.hunt;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The snapshot form of one hunt: its source (recompiled on read), lifecycle, time and open rounds,
 * then players, teams with their per-puzzle and per-treasure progress, and the solve and claim
 * counts. The leaderboard is not written: it is rebuilt from the teams' scores and the seqs they
 * reached them at, which orders it the same way.
 */
final class HuntStateSnapshots {
  private HuntStateSnapshots() {}

  static void write(HuntState hunt, DataOutput out) throws IOException {
    writeString(out, hunt.snapshot.sourceName());
    writeString(out, hunt.snapshot.sourceText());
    out.writeInt(hunt.status);
    out.writeLong(hunt.startedAtMs);
    out.writeLong(hunt.endedAtMs);
    out.writeLong(hunt.lastTimeMs);
    out.writeLong(hunt.seq);
    out.writeInt(hunt.rounds.openCount());
    PlayerTable players = hunt.players;
    out.writeInt(players.count());
    for (int p = 0; p < players.count(); p++) {
      writeString(out, players.name(p));
      out.writeInt(players.team(p));
      out.writeDouble(players.lat(p));
      out.writeDouble(players.lon(p));
      out.writeLong(players.moveMs(p));
    }
    TeamTable teams = hunt.teams;
    int puzzles = hunt.snapshot.puzzleCount();
    int treasures = hunt.snapshot.treasureCount();
    out.writeInt(teams.count());
    for (int t = 0; t < teams.count(); t++) {
      writeString(out, teams.name(t));
      out.writeBoolean(teams.solo(t));
      out.writeInt(teams.size(t));
      out.writeLong(teams.score(t));
      out.writeLong(teams.scoreSeq(t));
      out.writeLong(teams.claimTat(t));
      for (int p = 0; p < puzzles; p++) {
        out.writeBoolean(teams.solved(t, p));
        out.writeInt(teams.hintsTaken(t, p));
        out.writeInt(teams.pointsEarned(t, p));
        out.writeLong(teams.guessTat(t, p));
      }
      for (int k = 0; k < treasures; k++) {
        out.writeBoolean(teams.claimed(t, k));
      }
    }
    for (int p = 0; p < puzzles; p++) {
      out.writeInt(hunt.solveCounts[p]);
    }
    for (int k = 0; k < treasures; k++) {
      out.writeInt(hunt.claimCounts[k]);
    }
  }

  /**
   * Reads what {@link #write} wrote after the source, into a freshly compiled hunt. Snapshots of
   * {@code version} 1 predate rounds: their hunts had none, so only the first round is open.
   */
  static void read(HuntState hunt, DataInput in, int version) throws IOException {
    hunt.status = in.readInt();
    hunt.startedAtMs = in.readLong();
    hunt.endedAtMs = in.readLong();
    hunt.lastTimeMs = in.readLong();
    hunt.seq = in.readLong();
    if (version >= 2) {
      int roundsOpen = in.readInt();
      if (roundsOpen < 1 || roundsOpen > Math.max(1, hunt.snapshot.roundCount())) {
        throw new IOException("snapshot opens " + roundsOpen + " rounds of a hunt that has fewer");
      }
      hunt.rounds.openCount(roundsOpen);
    }
    int playerCount = in.readInt();
    for (int p = 0; p < playerCount; p++) {
      String name = readString(in);
      int team = in.readInt();
      double lat = in.readDouble();
      double lon = in.readDouble();
      long moveMs = in.readLong();
      int idx = hunt.players.add(name, team);
      if (moveMs != PlayerTable.NO_POSITION) {
        hunt.players.move(idx, lat, lon, moveMs);
      }
    }
    int puzzles = hunt.snapshot.puzzleCount();
    int treasures = hunt.snapshot.treasureCount();
    int teamCount = in.readInt();
    for (int t = 0; t < teamCount; t++) {
      String name = readString(in);
      boolean solo = in.readBoolean();
      int size = in.readInt();
      long score = in.readLong();
      long scoreSeq = in.readLong();
      long claimTat = in.readLong();
      hunt.teams.restore(name, solo, size, score, scoreSeq, claimTat);
      for (int p = 0; p < puzzles; p++) {
        boolean solved = in.readBoolean();
        int hints = in.readInt();
        int points = in.readInt();
        long guessTat = in.readLong();
        hunt.teams.restoreProgress(t, p, solved, hints, points, guessTat);
      }
      for (int k = 0; k < treasures; k++) {
        hunt.teams.restoreClaim(t, k, in.readBoolean());
      }
      hunt.board.update(t, score, scoreSeq);
    }
    for (int p = 0; p < puzzles; p++) {
      hunt.solveCounts[p] = in.readInt();
    }
    for (int k = 0; k < treasures; k++) {
      hunt.claimCounts[k] = in.readInt();
    }
  }

  static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("negative string length in snapshot");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
