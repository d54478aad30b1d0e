package io.cairn.engine.hunt;

import io.cairn.engine.command.CommandDecoder;
import io.cairn.engine.egress.Egress;
import io.cairn.engine.geo.DensityGrid;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Treasure;

/**
 * The organiser's map of a hunt ({@code HUNT_MAP}): every treasure with how many teams claimed it,
 * and how many players were last seen in each cell of a grid. Read-only and answered from the
 * shard's state, so it is never journaled. A grid that would have more than {@link #MAX_CELLS}
 * cells is coarsened (cell size doubled) until it fits, and the reply says the size it used.
 */
final class MapView {
  static final int DEFAULT_CELL_M = 50;
  static final int MIN_CELL_M = 5;
  static final int MAX_CELL_M = 100_000;
  static final int MAX_AGE_S = 7 * 24 * 3600;
  static final int MAX_CELLS = 2_000;
  private static final long MS_PER_S = 1000;

  private final HuntState hunt;
  private final DensityGrid grid = new DensityGrid();

  MapView(HuntState hunt) {
    this.hunt = hunt;
  }

  void huntMap(CommandDecoder cmd, Egress egress) {
    int cellM = cmd.cellM() == 0 ? DEFAULT_CELL_M : cmd.cellM();
    if (cellM < MIN_CELL_M || cellM > MAX_CELL_M) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "cellM must be 5-100000");
      return;
    }
    int maxAgeS = cmd.maxAgeS();
    if (maxAgeS < 0 || maxAgeS > MAX_AGE_S) {
      Replies.fail(egress, cmd, ErrorCode.BAD_REQUEST, "maxAgeS must be 0-604800");
      return;
    }
    long sinceMs = maxAgeS == 0 ? Long.MIN_VALUE : cmd.timestampMs() - maxAgeS * MS_PER_S;
    HuntSnapshot snapshot = hunt.snapshot;
    double refLat = referenceLatitude(snapshot);
    int positioned = count(cellM, refLat, sinceMs);
    while (grid.cellCount() > MAX_CELLS && cellM < MAX_CELL_M) {
      cellM = Math.min(MAX_CELL_M, cellM * 2);
      count(cellM, refLat, sinceMs);
    }
    JsonWriter json =
        Replies.ok(egress, cmd, hunt.huntNumber, -1, -1)
            .field("hunt", snapshot.id())
            .field("status", HuntStatus.name(hunt.status))
            .field("players", hunt.players.count())
            .field("teams", hunt.teams.count())
            .name("treasures")
            .startArray();
    for (int t = 0, n = snapshot.treasureCount(); t < n; t++) {
      Treasure treasure = snapshot.treasure(t);
      json.startObject()
          .field("id", treasure.id())
          .field("name", treasure.name())
          .field("lat", treasure.lat(), JsonWriter.COORDINATE_DECIMALS)
          .field("lon", treasure.lon(), JsonWriter.COORDINATE_DECIMALS)
          .field("radiusM", treasure.radiusM(), JsonWriter.DISTANCE_DECIMALS)
          .field("points", treasure.points())
          .field("claims", hunt.claimCounts[t])
          .endObject();
    }
    json.endArray()
        .name("density")
        .startObject()
        .field("cellM", cellM)
        .field("cellLatDeg", grid.cellLatDeg(), 9)
        .field("cellLonDeg", grid.cellLonDeg(), 9)
        .field("positioned", positioned)
        .field("maxAgeS", maxAgeS)
        .name("cells")
        .startArray();
    for (int slot = 0, n = grid.slots(); slot < n; slot++) {
      if (!grid.occupied(slot)) {
        continue;
      }
      json.startObject()
          .field("south", grid.south(slot), 9)
          .field("west", grid.west(slot), 9)
          .field("players", grid.count(slot))
          .endObject();
    }
    json.endArray().endObject();
    Replies.end(egress, cmd);
  }

  /** Counts the positions moved at or after {@code sinceMs} into the grid; returns how many. */
  private int count(int cellM, double refLat, long sinceMs) {
    grid.reset(cellM, refLat);
    PlayerTable players = hunt.players;
    int positioned = 0;
    for (int p = 0, n = players.count(); p < n; p++) {
      if (players.hasPosition(p) && players.moveMs(p) >= sinceMs) {
        grid.add(players.lat(p), players.lon(p));
        positioned++;
      }
    }
    return positioned;
  }

  /** The mean latitude of the treasures (0 without any): where cells are square. */
  private static double referenceLatitude(HuntSnapshot snapshot) {
    int n = snapshot.treasureCount();
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (int t = 0; t < n; t++) {
      sum += snapshot.treasure(t).lat();
    }
    return sum / n;
  }
}
