package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BoardTest {
  private final Harness h = new Harness();

  @Test
  void listsTheTopTeamsAndTheCallersRank() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    int cy = h.player("Cy", "");
    h.guess(bo, "lighthouse", "fresnel");
    h.guess(cy, "tide", "high tide");

    Harness.Result r = h.board(ada, 2);

    assertThat(r.journaled()).isFalse();
    JsonNode top = r.reply().get("top");
    assertThat(top).hasSize(2);
    assertThat(top.get(0).get("team").asText()).isEqualTo("Bo");
    assertThat(top.get(0).get("score").asLong()).isEqualTo(100);
    assertThat(top.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(top.get(1).get("team").asText()).isEqualTo("Cy");
    assertThat(r.reply().at("/you/rank").asInt()).isEqualTo(3);
    assertThat(r.reply().at("/you/score").asLong()).isZero();
    assertThat(h.board(ada, 0).reply().get("top")).hasSize(3);
  }

  @Test
  void ordersTiesByWhoReachedTheScoreFirstAndSharesTheRank() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    h.guess(bo, "tide", "high tide");
    h.guess(ada, "tide", "high tide");

    JsonNode top = h.board(ada, 10).reply().get("top");

    assertThat(top.get(0).get("team").asText()).isEqualTo("Bo");
    assertThat(top.get(1).get("team").asText()).isEqualTo("Ada");
    assertThat(top.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(top.get(1).get("rank").asInt()).isEqualTo(1);
  }

  @Test
  void organiserReadsTheTopWithoutAPlayerAndWithoutJournaling() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    int bo = h.player("Bo", "");
    h.guess(bo, "lighthouse", "fresnel");

    Harness.Result r = h.huntBoard("harbor-run", 1);

    assertThat(r.journaled()).isFalse();
    assertThat(r.reply().get("hunt").asText()).isEqualTo("harbor-run");
    assertThat(r.reply().get("teams").asInt()).isEqualTo(2);
    assertThat(r.reply().has("you")).isFalse();
    JsonNode top = r.reply().get("top");
    assertThat(top).hasSize(1);
    assertThat(top.get(0).get("team").asText()).isEqualTo("Bo");
    assertThat(top.get(0).get("score").asLong()).isEqualTo(100);
    assertThat(h.huntBoard("harbor-run", 0).reply().get("top")).hasSize(2);
    assertThat(h.board(ada, 10).reply().get("top")).hasSize(2);
  }

  @Test
  void organiserBoardRefusesUnknownHuntAndBadLimit() {
    h.load(TestHunts.hunt().text());

    assertThat(h.huntBoard("nope", 10).error()).isEqualTo("UNKNOWN_HUNT");
    assertThat(h.huntBoard("harbor-run", 101).error()).isEqualTo("BAD_REQUEST");
    assertThat(h.huntBoard("harbor-run", -1).error()).isEqualTo("BAD_REQUEST");
    assertThat(h.huntBoard("harbor-run", 100).ok()).isTrue();
  }

  @Test
  void rejectsALimitOutsideOneToAHundred() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");

    assertThat(h.board(ada, 101).error()).isEqualTo("BAD_REQUEST");
    assertThat(h.board(ada, -1).error()).isEqualTo("BAD_REQUEST");
    assertThat(h.board(ada, 100).ok()).isTrue();
  }

  @Test
  void pushesTheBoardOnTickOnlyWhenTheTopChanged() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");

    Harness.Result first = h.tick();
    assertThat(first.journaled()).isFalse();
    assertThat(first.events("board")).hasSize(1);
    assertThat(first.events("board").get(0).get("top").get(0).get("team").asText())
        .isEqualTo("Ada");
    assertThat(h.tick().events("board")).isEmpty();

    h.guess(ada, "tide", "high tide");
    h.guess(ada, "lighthouse", "fresnel");
    Harness.Result coalesced = h.tick();
    assertThat(coalesced.events("board")).hasSize(1);
    assertThat(coalesced.events("board").get(0).at("/top/0/score").asLong()).isEqualTo(160);
    assertThat(h.tick().events("board")).isEmpty();
  }
}
