package io.cairn.app;

import io.cairn.app.sim.Reply;
import io.cairn.app.sim.Simulation;
import io.cairn.app.sim.SimulationStats;
import io.cairn.engine.hunt.HuntView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The progress line {@code cairn demo} prints every 10 seconds: short, so that a terminal shows a
 * live hunt at a glance (players, what the bots do, the leading team), not a report.
 */
final class DemoProgress {
  private final ServerRuntime runtime;
  private final HuntView hunt;
  private final Simulation simulation;
  private final long startNs;
  private long lastCommands;
  private long lastNs;

  /**
   * @param simulation the bots, or null when there are none
   */
  DemoProgress(ServerRuntime runtime, HuntView hunt, Simulation simulation) {
    this.runtime = runtime;
    this.hunt = hunt;
    this.simulation = simulation;
    this.startNs = System.nanoTime();
    this.lastNs = startNs;
  }

  /** The line for now; asks the engine for the leading team (an organiser's board command). */
  String line() throws InterruptedException {
    long nowNs = System.nanoTime();
    StringBuilder line =
        new StringBuilder("[").append(elapsed((nowNs - startNs) / 1_000_000_000L)).append("] ");
    line.append(plural(hunt.playerCount(), "player")).append(" joined");
    if (simulation != null) {
      SimulationStats stats = simulation.stats();
      long commands = stats.commands();
      double perSecond = (commands - lastCommands) * 1e9 / Math.max(1, nowNs - lastNs);
      line.append(", ")
          .append(stats.playing())
          .append(" bots in play, ")
          .append(Math.round(perSecond))
          .append(" cmd/s, ")
          .append(plural(stats.solves(), "solve"))
          .append(", ")
          .append(plural(stats.claims(), "claim"));
      lastCommands = commands;
    }
    lastNs = nowNs;
    topTeam().ifPresent(top -> line.append("; top: ").append(top));
    return line.toString();
  }

  private Optional<String> topTeam() throws InterruptedException {
    Reply board = runtime.await(runtime.organiser().huntBoard(hunt.huntId(), 1));
    if (board == null || !board.ok()) {
      return Optional.empty();
    }
    List<Reply> top = board.objects("top");
    if (top.isEmpty() || top.getFirst().number("score", 0) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        top.getFirst().string("team")
            + ", "
            + (long) top.getFirst().number("score", 0)
            + " points");
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** {@code 4m05s}, or {@code 2h07m} from an hour on. */
  static String elapsed(long seconds) {
    return seconds < 3600
        ? seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s"
        : seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds / 60 % 60) + "m";
  }
}
