package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTest {
  private final Harness h = new Harness();

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("id").asText()));
    return out;
  }

  @Test
  void showsOnlyWhatTheTeamMaySee() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");

    Harness.Result r = h.state(ada);

    JsonNode hunt = r.reply().get("hunt");
    assertThat(r.journaled()).isFalse();
    assertThat(hunt.get("status").asText()).isEqualTo("scheduled");
    assertThat(hunt.get("title").asText()).isEqualTo("Harbor Run");
    assertThat(hunt.get("startsAt").isNull()).isTrue();
    assertThat(ids(hunt.get("puzzles"))).containsExactly("lighthouse", "tide");
    assertThat(ids(hunt.get("treasures"))).containsExactly("boathouse", "island");
    assertThat(hunt.get("score").asLong()).isZero();
    assertThat(hunt.get("rank").asInt()).isEqualTo(1);
    JsonNode lighthouse = hunt.get("puzzles").get(0);
    assertThat(lighthouse.get("points").asInt()).isEqualTo(100);
    assertThat(lighthouse.get("solved").asBoolean()).isFalse();
    assertThat(lighthouse.get("hintsTaken").asInt()).isZero();
    assertThat(lighthouse.get("text").asText()).startsWith("What kind of lens");
  }

  @Test
  void revealsPuzzlesAndTreasuresOnceTheirRequirementsAreSolved() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "Foxes");
    int bo = h.player("Bo", "Foxes");
    int cy = h.player("Cy", "");
    h.guess(ada, "lighthouse", "Fresnel");

    JsonNode teammate = h.state(bo).reply().get("hunt");
    assertThat(ids(teammate.get("puzzles"))).containsExactly("lighthouse", "riddle", "tide");
    assertThat(ids(teammate.get("treasures"))).containsExactly("old-anchor", "boathouse", "island");
    assertThat(teammate.get("puzzles").get(0).get("solved").asBoolean()).isTrue();
    assertThat(teammate.get("score").asLong()).isEqualTo(100);
    assertThat(teammate.get("status").asText()).isEqualTo("running");
    assertThat(teammate.get("startsAt").asLong()).isEqualTo(Harness.T0);

    JsonNode other = h.state(cy).reply().get("hunt");
    assertThat(ids(other.get("puzzles"))).containsExactly("lighthouse", "tide");
    assertThat(other.get("rank").asInt()).isEqualTo(2);
  }
}
