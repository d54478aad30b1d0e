package io.cairn.engine.hunt;

import static io.cairn.engine.hunt.TestHunts.ANCHOR_LAT;
import static io.cairn.engine.hunt.TestHunts.ANCHOR_LON;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimTest {
  private final Harness h = new Harness();

  private int runningWithPlayer(TestHunts hunt) {
    h.load(hunt.text());
    h.start();
    return h.player("Ada", "Foxes");
  }

  private int atTheAnchorWithLighthouseSolved() {
    int ada = runningWithPlayer(TestHunts.hunt());
    h.guess(ada, "lighthouse", "fresnel");
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);
    return ada;
  }

  @Test
  void rejectsClaimsBeforeTheHuntRuns() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");

    Harness.Result r = h.claim(ada, "boathouse", "");
    assertThat(r.error()).isEqualTo("HUNT_NOT_RUNNING");
    assertThat(r.reply().get("status").asText()).isEqualTo("scheduled");
  }

  @Test
  void rejectsUnknownTreasures() {
    int ada = runningWithPlayer(TestHunts.hunt());

    assertThat(h.claim(ada, "kraken", "").error()).isEqualTo("UNKNOWN_TREASURE");
    assertThat(h.claim(ada, "", "").error()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void rejectsClaimsOfLockedTreasures() {
    int ada = runningWithPlayer(TestHunts.hunt());
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);

    assertThat(h.claim(ada, "old-anchor", "ANCHOR-7731").error()).isEqualTo("LOCKED");
  }

  @Test
  void rejectsClaimWithoutAnyPositionAsTooFar() {
    int ada = runningWithPlayer(TestHunts.hunt());

    Harness.Result r = h.claim(ada, "boathouse", "");

    assertThat(r.error()).isEqualTo("TOO_FAR");
    assertThat(r.reply().at("/error/message").asText()).contains("no position");
    assertThat(r.journaled()).isTrue();
  }

  @Test
  void rejectsClaimFromOutsideRadius() {
    int ada = atTheAnchorWithLighthouseSolved();

    Harness.Result r = h.claim(ada, "boathouse", "");

    assertThat(r.error()).isEqualTo("TOO_FAR");
    assertThat(r.reply().get("distanceM").asDouble()).isGreaterThan(40.0);
  }

  @Test
  void rejectsAWrongOrMissingCode() {
    int ada = atTheAnchorWithLighthouseSolved();

    assertThat(h.claim(ada, "old-anchor", "ANCHOR-0000").error()).isEqualTo("WRONG_CODE");
    assertThat(h.claim(ada, "old-anchor", "").error()).isEqualTo("WRONG_CODE");
  }

  @Test
  void claimsWithANormalisedCodeAndGivesTheFirstClaimBonus() {
    int ada = atTheAnchorWithLighthouseSolved();

    Harness.Result r = h.claim(ada, "old-anchor", "anchor 7731");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("first").asBoolean()).isTrue();
    assertThat(r.reply().get("points").asInt()).isEqualTo(250);
    assertThat(r.reply().get("score").asLong()).isEqualTo(350);
    assertThat(r.events("claimed")).hasSize(1);
    assertThat(r.events("claimed").get(0).get("treasure").asText()).isEqualTo("old-anchor");
    assertThat(r.events("claimed").get(0).get("team").asText()).isEqualTo("Foxes");
    assertThat(r.events("claimed").get(0).get("first").asBoolean()).isTrue();
  }

  @Test
  void givesNoBonusToLaterTeams() {
    int ada = runningWithPlayer(TestHunts.hunt());
    int cy = h.player("Cy", "");
    h.move(ada, 59.3260, 18.0725);
    h.move(cy, 59.3260, 18.0725);
    h.claim(ada, "boathouse", "");

    Harness.Result r = h.claim(cy, "boathouse", "");

    assertThat(r.reply().get("first").asBoolean()).isFalse();
    assertThat(r.reply().get("points").asInt()).isEqualTo(100);
    assertThat(r.events("claimed").get(0).get("first").asBoolean()).isFalse();
  }

  @Test
  void rejectsASecondClaimByTheSameTeam() {
    int ada = runningWithPlayer(TestHunts.hunt());
    int bo = h.player("Bo", "Foxes");
    h.move(ada, 59.3260, 18.0725);
    h.move(bo, 59.3260, 18.0725);
    h.claim(ada, "boathouse", "");

    Harness.Result r = h.claim(bo, "boathouse", "");

    assertThat(r.error()).isEqualTo("ALREADY_CLAIMED");
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void rateLimitsClaimsPerTeam() {
    int ada = runningWithPlayer(TestHunts.hunt().claimsPerMinute(2));
    h.move(ada, ANCHOR_LAT, ANCHOR_LON);
    h.claim(ada, "island", "");
    h.claim(ada, "boathouse", "");

    Harness.Result r = h.claim(ada, "island", "");

    assertThat(r.error()).isEqualTo("RATE_LIMITED");
    assertThat(r.reply().get("retryAfterMs").asLong()).isEqualTo(30_000);
    assertThat(r.journaled()).isFalse();
  }
}
