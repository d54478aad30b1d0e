package io.cairn.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.engine.Engine;
import io.cairn.engine.EngineConfig;
import io.cairn.engine.LocalClient;
import io.cairn.engine.command.Op;
import io.cairn.engine.hunt.HuntView;
import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
  /** One puzzle and one treasure whose radius covers where bots start: quickly done. */
  private static final String HUNT =
      """
      id: quick
      title: Quick
      scan-radius-m: 500
      teams:
        max-size: 1
      limits:
        guesses-per-minute: 1000
        claims-per-minute: 1000
      puzzles:
        - id: one
          title: One
          text: Say one.
          points: 10
          answers: [one]
      treasures:
        - id: stone
          name: Stone
          lat: 59.0
          lon: 18.0
          radius-m: 300
          points: 10
      """;

  /** Turns and thinking of a few milliseconds; walking speeds as in a demo. */
  private static final Pace QUICK = new Pace(5, 10, 5, 10, 20, 1.0, 2.0, 0);

  @Test
  void anEndlessRunReplacesBotsThatFinishedAndClosesTheirSessions(@TempDir Path data)
      throws Exception {
    HuntSnapshot hunt = HuntFiles.compile("quick.hunt.yaml", HUNT);
    LocalClient client = new LocalClient();
    try (Engine engine =
        Engine.start(EngineConfig.defaults(data).withShards(1), client, new SystemEpochClock())) {
      client.attach(engine);
      LocalClient.Session organiser = client.open();
      assertThat(organiser.loadHunt(hunt.id(), "quick", HUNT).get(10, TimeUnit.SECONDS))
          .contains("\"ok\":true");
      assertThat(organiser.lifecycle(hunt.id(), Op.START).get(10, TimeUnit.SECONDS))
          .contains("\"ok\":true");
      Simulation simulation =
          new Simulation(hunt, 3, 11, client::open, engine.clock(), QUICK, 0, 0);
      simulation.startEndless();
      SimulationStats stats = simulation.stats();
      long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int mostSessions = 0;
      while (stats.finished() < 6 && System.nanoTime() < deadlineNs) {
        mostSessions = Math.max(mostSessions, client.sessionCount());
        Thread.sleep(5);
      }
      simulation.stop();
      assertThat(simulation.awaitEnd(10_000)).isTrue();

      assertThat(stats.finished()).as("bots that finished and left").isGreaterThanOrEqualTo(6);
      assertThat(stats.players()).isGreaterThanOrEqualTo(stats.finished());
      assertThat(stats.gaveUp()).isZero();
      HuntView view = engine.directory().find(hunt.id()).orElseThrow();
      assertThat(view.playerCount()).as("newcomers joined").isGreaterThan(3);
      assertThat(mostSessions)
          .as("open sessions: the organiser and one per seat, the leavers' closed")
          .isLessThanOrEqualTo(1 + 3);
      assertThat(client.joinedSessionCount()).isLessThanOrEqualTo(3);
    }
  }
}
