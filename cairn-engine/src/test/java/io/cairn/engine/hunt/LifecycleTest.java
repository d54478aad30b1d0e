package io.cairn.engine.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.engine.command.Op;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final Harness h = new Harness();

  @Test
  void startsAtStartsAtOnTheFirstTickAtOrAfterIt() {
    h.load(TestHunts.hunt().startsAtMs(Harness.T0 + 1_000).text());
    assertThat(h.tick().journaled()).isFalse();

    h.advanceMs(1_000);
    Harness.Result r = h.tick();

    assertThat(r.journaled()).isTrue();
    JsonNode event = r.events("hunt").get(0);
    assertThat(event.get("status").asText()).isEqualTo("running");
    assertThat(event.get("startsAt").asLong()).isEqualTo(Harness.T0 + 1_000);
    assertThat(event.get("endsAt").isNull()).isTrue();
    assertThat(event.get("at").asLong()).isEqualTo(Harness.T0 + 1_000);
    assertThat(h.directory.find("harbor-run").orElseThrow().status()).isEqualTo(HuntStatus.RUNNING);
  }

  @Test
  void ticksEveryHuntOfTheShardAndMovesOnlyThoseDue() {
    h.load(TestHunts.hunt().id("later-run").text());
    h.load(TestHunts.hunt().startsAtMs(Harness.T0 + 1_000).text());
    h.advanceMs(1_000);

    Harness.Result r = h.tick();

    assertThat(r.journaled()).isTrue();
    assertThat(r.eventMessages("hunt")).hasSize(1);
    assertThat(r.eventMessages("hunt").get(0).huntNumber()).isEqualTo(1);
    assertThat(h.directory.find("later-run").orElseThrow().status())
        .isEqualTo(HuntStatus.SCHEDULED);
    assertThat(h.directory.find("harbor-run").orElseThrow().status()).isEqualTo(HuntStatus.RUNNING);
  }

  @Test
  void startsOnAPlayerCommandPastStartsAtAndJournalsThatCommand() {
    h.load(TestHunts.hunt().startsAtMs(Harness.T0 + 1_000).text());
    int ada = h.player("Ada", "");
    h.advanceMs(5_000);

    Harness.Result r = h.state(ada);

    assertThat(r.journaled()).isTrue();
    assertThat(r.events("hunt")).hasSize(1);
    assertThat(r.reply().at("/hunt/status").asText()).isEqualTo("running");
  }

  @Test
  void startsAtOnceWhenLoadedAfterStartsAt() {
    Harness.Result r = h.load(TestHunts.hunt().startsAtMs(Harness.T0 - 1_000).text());

    assertThat(r.reply().get("status").asText()).isEqualTo("running");
    assertThat(r.events("hunt")).hasSize(1);
  }

  @Test
  void endsAtEndsAt() {
    h.load(TestHunts.hunt().startsAtMs(Harness.T0).endsAtMs(Harness.T0 + 7_200_000).text());
    int ada = h.player("Ada", "");
    assertThat(h.guess(ada, "tide", "no").ok()).isTrue();

    h.advanceMs(7_200_000);
    Harness.Result r = h.guess(ada, "tide", "high tide");

    assertThat(r.error()).isEqualTo("HUNT_NOT_RUNNING");
    assertThat(r.reply().get("status").asText()).isEqualTo("ended");
    assertThat(r.journaled()).isTrue();
    assertThat(r.events("hunt").get(0).get("status").asText()).isEqualTo("ended");
    assertThat(r.events("hunt").get(0).get("endsAt").asLong()).isEqualTo(Harness.T0 + 7_200_000);
  }

  @Test
  void pausesResumesAndEndsOnOrganiserCommands() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");

    Harness.Result started = h.start();
    assertThat(started.ok()).isTrue();
    assertThat(started.journaled()).isTrue();
    assertThat(started.reply().get("status").asText()).isEqualTo("running");
    assertThat(started.events("hunt").get(0).get("status").asText()).isEqualTo("running");

    assertThat(h.organiser(Op.PAUSE, "harbor-run").events("hunt").get(0).get("status").asText())
        .isEqualTo("paused");
    Harness.Result paused = h.guess(ada, "tide", "high tide");
    assertThat(paused.error()).isEqualTo("HUNT_NOT_RUNNING");
    assertThat(paused.reply().get("status").asText()).isEqualTo("paused");
    assertThat(h.organiser(Op.RESUME, "harbor-run").ok()).isTrue();
    assertThat(h.guess(ada, "tide", "high tide").ok()).isTrue();
    Harness.Result ended = h.organiser(Op.END, "harbor-run");
    assertThat(ended.events("hunt").get(0).get("status").asText()).isEqualTo("ended");
    assertThat(h.state(ada).reply().at("/hunt/status").asText()).isEqualTo("ended");
  }

  @Test
  void refusesTransitionsTheStatusDoesNotAllow() {
    h.load(TestHunts.hunt().text());

    Harness.Result r = h.organiser(Op.RESUME, "harbor-run");
    assertThat(r.error()).isEqualTo("INVALID_TRANSITION");
    assertThat(r.reply().get("status").asText()).isEqualTo("scheduled");
    assertThat(r.journaled()).isFalse();
    assertThat(h.organiser(Op.PAUSE, "harbor-run").error()).isEqualTo("INVALID_TRANSITION");
    h.organiser(Op.END, "harbor-run");
    assertThat(h.start().error()).isEqualTo("INVALID_TRANSITION");
    assertThat(h.organiser(Op.END, "harbor-run").error()).isEqualTo("INVALID_TRANSITION");
    assertThat(h.organiser(Op.START, "nope").error()).isEqualTo("UNKNOWN_HUNT");
  }

  @Test
  void broadcastsAnnouncements() {
    h.load(TestHunts.hunt().text());

    Harness.Result r = h.announce("Meet at the pier \"now\"");

    assertThat(r.ok()).isTrue();
    assertThat(r.journaled()).isTrue();
    assertThat(r.events("announce").get(0).get("message").asText())
        .isEqualTo("Meet at the pier \"now\"");
    assertThat(r.events("announce").get(0).get("seq").asLong()).isEqualTo(2);
  }

  @Test
  void numbersEventsWithTheHuntsGrowingJournalCount() {
    h.load(TestHunts.hunt().text());
    int ada = h.player("Ada", "");
    h.start();
    long solvedSeq = h.guess(ada, "tide", "high tide").events("solved").get(0).get("seq").asLong();
    long announceSeq = h.announce("hi").events("announce").get(0).get("seq").asLong();

    assertThat(solvedSeq).isEqualTo(4);
    assertThat(announceSeq).isEqualTo(5);
  }

  @Test
  void usesTheLatestTimeWhenACommandArrivesStampedEarlier() {
    h.load(TestHunts.hunt().text());
    h.start();
    int ada = h.player("Ada", "");
    h.advanceMs(15 * 60_000);
    h.move(ada, TestHunts.ANCHOR_LAT, TestHunts.ANCHOR_LON);
    h.advanceMs(-10 * 60_000);

    assertThat(h.hint(ada, "lighthouse").ok()).isTrue();
  }
}
