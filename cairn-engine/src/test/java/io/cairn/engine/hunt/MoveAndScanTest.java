package io.cairn.engine.hunt;

import static io.cairn.engine.hunt.TestHunts.ANCHOR_LAT;
import static io.cairn.engine.hunt.TestHunts.ANCHOR_LON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MoveAndScanTest {
  private final Harness h = new Harness();
  private int ada;

  @BeforeEach
  void join() {
    h.load(TestHunts.hunt().maxSpeedMps(10).scanRadiusM(500).text());
    ada = h.player("Ada", "");
  }

  @Test
  void acceptsAFirstMoveAnywhereAndJournalsIt() {
    Harness.Result r = h.move(ada, ANCHOR_LAT, ANCHOR_LON);

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().size()).isEqualTo(2);
  }

  @Test
  void rejectsPositionsOutsideTheGlobe() {
    assertThat(h.move(ada, 91, 0).error()).isEqualTo("BAD_POSITION");
    assertThat(h.move(ada, 0, -180.5).error()).isEqualTo("BAD_POSITION");
    Harness.Result nan = h.move(ada, Double.NaN, 0);
    assertThat(nan.error()).isEqualTo("BAD_POSITION");
    assertThat(nan.journaled()).isFalse();
  }

  @Test
  void rejectsAMoveFasterThanTheSpeedLimitPlusTolerance() {
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);
    h.advanceMs(10_000);
    // 10 s at 10 m/s + 30 m tolerance = 130 m allowed; 0.002 degrees of latitude is about 222 m.
    Harness.Result r = h.move(ada, ANCHOR_LAT + 0.002, ANCHOR_LON);

    assertThat(r.error()).isEqualTo("IMPOSSIBLE_MOVE");
    assertThat(r.journaled()).isFalse();
    assertThat(r.reply().get("allowedM").asDouble()).isEqualTo(130.0);
  }

  @Test
  void acceptsAMoveWithinTheSpeedLimitPlusTolerance() {
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);
    h.advanceMs(20_000);

    assertThat(h.move(ada, ANCHOR_LAT + 0.002, ANCHOR_LON).ok()).isTrue();
    assertThat(h.move(ada, ANCHOR_LAT + 0.0022, ANCHOR_LON).ok()).isTrue();
  }

  @Test
  void refusesToScanBeforeTheFirstMove() {
    Harness.Result r = h.scan(ada);

    assertThat(r.error()).isEqualTo("NO_POSITION");
  }

  @Test
  void scansVisibleTreasuresWithinTheRadiusNearestFirst() {
    h.move(ada, 59.3262, 18.0727);

    Harness.Result r = h.scan(ada);

    assertThat(r.journaled()).isFalse();
    JsonNode treasures = r.reply().get("treasures");
    // old-anchor is within 500 m but locked behind the lighthouse; the island is 2 km away.
    assertThat(treasures).hasSize(1);
    JsonNode boathouse = treasures.get(0);
    assertThat(boathouse.get("id").asText()).isEqualTo("boathouse");
    assertThat(boathouse.get("name").asText()).isEqualTo("The Boathouse");
    assertThat(boathouse.get("lat").asDouble()).isEqualTo(59.326);
    assertThat(boathouse.get("distanceM").asDouble()).isBetween(20.0, 30.0);
    assertThat(boathouse.get("claimed").asBoolean()).isFalse();
  }

  @Test
  void scanListsTreasuresNearestFirstOnceUnlocked() {
    h.start();
    h.guess(ada, "lighthouse", "fresnel");
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);

    JsonNode treasures = h.scan(ada).reply().get("treasures");

    assertThat(treasures).hasSize(2);
    assertThat(treasures.get(0).get("id").asText()).isEqualTo("old-anchor");
    assertThat(treasures.get(0).get("distanceM").asDouble()).isZero();
    assertThat(treasures.get(1).get("id").asText()).isEqualTo("boathouse");
  }
}
