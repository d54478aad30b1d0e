package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.command.Op;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapViewTest {
  private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180.0;

  private final Harness h = new Harness();

  private Harness.Result map(String huntId, int cellM, int maxAgeS) {
    return h.run(Op.HUNT_MAP, h.encodeOrganiser().huntMap(huntId, cellM, maxAgeS));
  }

  /** Players per cell, keyed by the cell's south-west corner rounded to 1e-6 degrees. */
  private static Map<String, Integer> cells(JsonNode reply) {
    Map<String, Integer> cells = new HashMap<>();
    for (JsonNode cell : reply.at("/density/cells")) {
      String key =
          Math.round(cell.get("south").asDouble() * 1e6)
              + ","
              + Math.round(cell.get("west").asDouble() * 1e6);
      cells.merge(key, cell.get("players").asInt(), Integer::sum);
    }
    return cells;
  }

  @Test
  void countsLastPositionsPerCellAndClaimsPerTreasureWithoutJournaling() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    int cy = h.player("Cy", "");
    int dee = h.player("Dee", "");
    h.player("Eve", "");
    // three players within a few metres of the boathouse, one at the island, Eve never moved
    h.move(ada, 59.32600, 18.07250);
    h.move(bo, 59.32601, 18.07251);
    h.move(cy, 59.32602, 18.07252);
    h.move(dee, 59.34000, 18.10000);
    assertThat(h.claim(ada, "boathouse", "").ok()).isTrue();

    Harness.Result r = map("harbor-run", 50, 0);

    assertThat(r.journaled()).isFalse();
    JsonNode reply = r.reply();
    assertThat(reply.get("players").asInt()).isEqualTo(5);
    assertThat(reply.get("status").asText()).isEqualTo("running");
    JsonNode treasures = reply.get("treasures");
    assertThat(treasures).hasSize(3);
    Map<String, Integer> claims = new HashMap<>();
    treasures.forEach(t -> claims.put(t.get("id").asText(), t.get("claims").asInt()));
    assertThat(claims)
        .containsExactlyInAnyOrderEntriesOf(Map.of("old-anchor", 0, "boathouse", 1, "island", 0));
    JsonNode boathouse = treasures.get(1);
    assertThat(boathouse.get("lat").asDouble()).isEqualTo(59.3260);
    assertThat(boathouse.get("lon").asDouble()).isEqualTo(18.0725);
    assertThat(boathouse.get("name").asText()).isEqualTo("The Boathouse");

    JsonNode density = reply.get("density");
    assertThat(density.get("cellM").asInt()).isEqualTo(50);
    assertThat(density.get("positioned").asInt()).isEqualTo(4);
    double cellLatDeg = density.get("cellLatDeg").asDouble();
    assertThat(cellLatDeg * METRES_PER_DEGREE)
        .isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(cells(reply).values()).containsExactlyInAnyOrder(3, 1);
    for (JsonNode cell : density.get("cells")) {
      double south = cell.get("south").asDouble();
      double west = cell.get("west").asDouble();
      double lat = cell.get("players").asInt() == 3 ? 59.326 : 59.34;
      double lon = cell.get("players").asInt() == 3 ? 18.0725 : 18.1;
      assertThat(lat).isBetween(south, south + cellLatDeg);
      assertThat(lon).isBetween(west, west + density.get("cellLonDeg").asDouble());
    }
  }

  @Test
  void countsOnlyRecentPositionsWhenAskedForAMaximumAge() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    h.move(ada, 59.3260, 18.0725);
    h.advanceMs(120_000);
    h.move(bo, 59.3400, 18.1000);

    assertThat(map("harbor-run", 0, 60).reply().at("/density/positioned").asInt()).isEqualTo(1);
    assertThat(map("harbor-run", 0, 0).reply().at("/density/positioned").asInt()).isEqualTo(2);
    assertThat(map("harbor-run", 0, 0).reply().at("/density/cellM").asInt()).isEqualTo(50);
  }

  @Test
  void coarsensTheGridUntilItFitsTheCellLimit() {
    h.load(TestHunts.hunt().maxPlayers(5_000).text());
    h.start();
    int players = MapView.MAX_CELLS + 1;
    for (int i = 0; i < players; i++) {
      int p = h.player("P" + i, "");
      h.move(p, 59.0 + i * 100 / METRES_PER_DEGREE, 18.0);
    }

    JsonNode density = map("harbor-run", 50, 0).reply().get("density");

    assertThat(density.get("cellM").asInt()).isGreaterThan(50);
    assertThat(density.get("cells").size()).isLessThanOrEqualTo(MapView.MAX_CELLS);
    assertThat(cells(map("harbor-run", 50, 0).reply()).values().stream().mapToInt(i -> i).sum())
        .isEqualTo(players);
  }

  @Test
  void rejectsUnknownHuntsAndCellSizesOutOfRange() {
    h.load(TestHunts.hunt().text());
    assertThat(map("nope", 0, 0).error()).isEqualTo("UNKNOWN_HUNT");
    assertThat(map("harbor-run", 4, 0).error()).isEqualTo("BAD_REQUEST");
    assertThat(map("harbor-run", 100_001, 0).error()).isEqualTo("BAD_REQUEST");
    assertThat(map("harbor-run", 0, -1).error()).isEqualTo("BAD_REQUEST");
    assertThat(map("harbor-run", 100, 0).ok()).isTrue();
  }
}
