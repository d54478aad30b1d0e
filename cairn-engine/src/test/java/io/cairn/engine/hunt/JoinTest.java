package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JoinTest {
  private final Harness h = new Harness();

  @BeforeEach
  void load() {
    h.load(TestHunts.hunt().teamMaxSize(2).maxPlayers(5).text());
  }

  @Test
  void joinsAsATeamOfOneNamedAfterThePlayer() {
    Harness.Result r = h.join("harbor-run", "Ada", "");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.reply().get("player").asText()).isEqualTo("Ada");
    assertThat(r.reply().get("team").asText()).isEqualTo("Ada");
    assertThat(r.reply().get("token").asText()).startsWith("harbor-run.0.");
    assertThat(r.reply().get("hunt").get("id").asText()).isEqualTo("harbor-run");
    assertThat(r.replyMessage().playerIdx()).isZero();
    assertThat(r.replyMessage().teamIdx()).isZero();
  }

  @Test
  void makesSoloTeamNamesUnique() {
    h.join("harbor-run", "Ada", "");
    Harness.Result second = h.join("harbor-run", "Ada", "");

    assertThat(second.reply().get("team").asText()).isEqualTo("Ada #2");
    assertThat(second.replyMessage().teamIdx()).isEqualTo(1);
  }

  @Test
  void joinsANamedTeamUntilItIsFull() {
    Harness.Result first = h.join("harbor-run", "Ada", "Foxes");
    Harness.Result second = h.join("harbor-run", "Bo", "Foxes");
    Harness.Result third = h.join("harbor-run", "Cy", "Foxes");

    assertThat(second.ok()).isTrue();
    assertThat(second.replyMessage().teamIdx()).isEqualTo(first.replyMessage().teamIdx());
    assertThat(third.error()).isEqualTo("TEAM_FULL");
    assertThat(third.journaled()).isFalse();
  }

  @Test
  void refusesToJoinSomeonesTeamOfOne() {
    h.join("harbor-run", "Ada", "");

    assertThat(h.join("harbor-run", "Bo", "Ada").error()).isEqualTo("TEAM_FULL");
  }

  @Test
  void rejectsJoinWhenTheHuntIsFull() {
    for (int i = 0; i < 5; i++) {
      assertThat(h.join("harbor-run", "p" + i, "").ok()).isTrue();
    }

    Harness.Result r = h.join("harbor-run", "late", "");
    assertThat(r.error()).isEqualTo("HUNT_FULL");
    assertThat(r.journaled()).isFalse();
  }

  @Test
  void rejectsNamesOutsideOneToThirtyTwoCharacters() {
    assertThat(h.join("harbor-run", "", "").error()).isEqualTo("BAD_NAME");
    assertThat(h.join("harbor-run", "x".repeat(33), "").error()).isEqualTo("BAD_NAME");
    assertThat(h.join("harbor-run", "   ", "").error()).isEqualTo("BAD_NAME");
    assertThat(h.join("harbor-run", "x".repeat(32), "").ok()).isTrue();
    assertThat(h.join("harbor-run", "🦊".repeat(32), "").ok()).isTrue();
  }

  @Test
  void rejectsControlCharactersInPlayerAndTeamNames() {
    assertThat(h.join("harbor-run", "Ada\n", "").error()).isEqualTo("BAD_NAME");
    assertThat(h.join("harbor-run", "Ada", "Fox\u0007es").error()).isEqualTo("BAD_NAME");
    assertThat(h.join("harbor-run", "Ada", "x".repeat(33)).error()).isEqualTo("BAD_NAME");
  }

  @Test
  void rejectsAnUnknownHunt() {
    Harness.Result r = h.join("no-such-hunt", "Ada", "");

    assertThat(r.error()).isEqualTo("UNKNOWN_HUNT");
    assertThat(r.reply().get("re").asLong()).isPositive();
  }

  @Test
  void resumesAPlayerByToken() {
    h.join("harbor-run", "Ada", "Foxes");
    String token = h.join("harbor-run", "Bo", "Foxes").reply().get("token").asText();

    Harness.Result r = h.resume(token);

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isFalse();
    assertThat(r.reply().get("player").asText()).isEqualTo("Bo");
    assertThat(r.reply().get("team").asText()).isEqualTo("Foxes");
    assertThat(r.replyMessage().playerIdx()).isEqualTo(1);
  }

  @Test
  void rejectsForgedAndMalformedTokens() {
    String token = h.join("harbor-run", "Ada", "").reply().get("token").asText();
    String forged = token.replace("harbor-run.0.", "harbor-run.1.");
    String tampered = token.substring(0, token.length() - 2) + "AA";

    assertThat(h.resume(forged).error()).isEqualTo("BAD_TOKEN");
    assertThat(h.resume(tampered).error()).isEqualTo("BAD_TOKEN");
    assertThat(h.resume("nonsense").error()).isEqualTo("BAD_TOKEN");
    assertThat(h.resume("other-hunt.0.abc").error()).isEqualTo("BAD_TOKEN");
  }

  @Test
  void rejectsATokenSignedWithAnotherSecret() {
    String foreign = new PlayerTokens("other".getBytes()).issue("harbor-run", 0);
    h.join("harbor-run", "Ada", "");

    assertThat(h.resume(foreign).error()).isEqualTo("BAD_TOKEN");
  }

  @Test
  void publishesPlayerAndTeamCountsInTheDirectory() {
    h.join("harbor-run", "Ada", "Foxes");
    h.join("harbor-run", "Bo", "Foxes");
    h.join("harbor-run", "Cy", "");

    HuntView view = h.directory.find("harbor-run").orElseThrow();
    assertThat(view.playerCount()).isEqualTo(3);
    assertThat(view.teamCount()).isEqualTo(2);
    assertThat(view.shard()).isZero();
    assertThat(view.huntNumber()).isZero();
    assertThat(view.status()).isEqualTo(HuntStatus.SCHEDULED);
    assertThat(view.snapshot().id()).isEqualTo("harbor-run");
    assertThat(h.directory.find("nope")).isEmpty();
  }
}
