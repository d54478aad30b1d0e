package io.cairn.veltrix;

/**
 * Compares a running hunt with the snapshot that would replace it and judges each change (see
 * docs/veltrix.md, "Reload"). Safe while the hunt is in progress: texts, titles, the description,
 * hints, new puzzles and treasures, a later end, limits, scan radius and sizes, and points nobody
 * has earned yet, rounds that have not opened. Refused unless forced: anything that would rewrite
 * what a team was already given or told. A different hunt id is refused always.
 */
public final class HuntDiff {
  private static final String AWARDED = "points were already awarded under the old rule";

  private HuntDiff() {}

  /**
   * The changes from {@code running} to {@code next}; {@code inProgress} is true once the hunt has
   * started (running, paused or ended), and {@code progress} tells what teams have done.
   */
  public static ReloadPlan plan(
      HuntSnapshot running, HuntSnapshot next, boolean inProgress, HuntProgress progress) {
    ReloadChanges changes = new ReloadChanges(inProgress);
    if (!running.id().equals(next.id())) {
      changes.never(
          "id",
          "hunt id changes from '"
              + running.id()
              + "' to '"
              + next.id()
              + "': a reload keeps the hunt's id (load a new hunt instead)");
    }
    texts(running, next, changes);
    times(running, next, changes);
    sizes(running, next, changes);
    scoring(running.scoring(), next.scoring(), progress, changes);
    limits(running.limits(), next.limits(), changes);
    EntryDiff.puzzles(running, next, progress, changes);
    EntryDiff.treasures(running, next, progress, changes);
    RoundDiff.rounds(running, next, progress, changes);
    return changes.plan();
  }

  private static void texts(HuntSnapshot running, HuntSnapshot next, ReloadChanges changes) {
    if (!running.title().equals(next.title())) {
      changes.safe("title", "title changes to '" + next.title() + "'");
    }
    if (!running.description().equals(next.description())) {
      changes.safe("description", "description changes");
    }
  }

  private static void times(HuntSnapshot running, HuntSnapshot next, ReloadChanges changes) {
    if (running.startsAtMs() != next.startsAtMs()) {
      changes.guarded(
          "starts-at",
          "starts-at changes from "
              + ReloadChanges.instant(running.startsAtMs())
              + " to "
              + ReloadChanges.instant(next.startsAtMs()),
          true,
          "the hunt has already started");
    }
    if (running.endsAtMs() != next.endsAtMs()) {
      boolean earlier =
          next.endsAtMs() != HuntSnapshot.NO_TIME
              && (running.endsAtMs() == HuntSnapshot.NO_TIME
                  || next.endsAtMs() < running.endsAtMs());
      changes.guarded(
          "ends-at",
          "ends-at changes from "
              + ReloadChanges.instant(running.endsAtMs())
              + " to "
              + ReloadChanges.instant(next.endsAtMs()),
          earlier,
          "an earlier end cuts short a hunt in progress");
    }
  }

  private static void sizes(HuntSnapshot running, HuntSnapshot next, ReloadChanges changes) {
    if (Double.compare(running.scanRadiusM(), next.scanRadiusM()) != 0) {
      changes.safe(
          "scan-radius-m",
          "scan radius changes from "
              + ReloadChanges.number(running.scanRadiusM())
              + " to "
              + ReloadChanges.number(next.scanRadiusM())
              + " m");
    }
    if (running.maxPlayers() != next.maxPlayers()) {
      changes.safe(
          "max-players",
          "max-players changes from "
              + running.maxPlayers()
              + " to "
              + next.maxPlayers()
              + " (applies to new joins)");
    }
    if (running.teamMaxSize() != next.teamMaxSize()) {
      changes.safe(
          "teams.max-size",
          "teams.max-size changes from "
              + running.teamMaxSize()
              + " to "
              + next.teamMaxSize()
              + " (applies to new joins)");
    }
  }

  private static void scoring(
      Scoring running, Scoring next, HuntProgress progress, ReloadChanges changes) {
    if (running.firstClaimBonus() != next.firstClaimBonus()) {
      changes.guarded(
          "scoring.first-claim-bonus",
          "first-claim bonus changes from "
              + running.firstClaimBonus()
              + " to "
              + next.firstClaimBonus(),
          progress.anyPointsAwarded(),
          AWARDED);
    }
    boolean decayChanged =
        running.decayKind() != next.decayKind()
            || running.decayPerSolve() != next.decayPerSolve()
            || running.decayMinimum() != next.decayMinimum();
    if (decayChanged) {
      changes.guarded(
          "scoring.decay",
          "decay changes from " + decay(running) + " to " + decay(next),
          progress.anyPointsAwarded(),
          AWARDED);
    }
  }

  private static String decay(Scoring s) {
    return s.decayKind() == DecayKind.NONE
        ? "none"
        : s.decayKind().name().toLowerCase(java.util.Locale.ROOT)
            + " (per-solve "
            + s.decayPerSolve()
            + ", minimum "
            + s.decayMinimum()
            + ")";
  }

  private static void limits(Limits running, Limits next, ReloadChanges changes) {
    if (running.guessesPerMinute() != next.guessesPerMinute()) {
      changes.safe(
          "limits.guesses-per-minute",
          "guesses-per-minute changes from "
              + running.guessesPerMinute()
              + " to "
              + next.guessesPerMinute());
    }
    if (running.claimsPerMinute() != next.claimsPerMinute()) {
      changes.safe(
          "limits.claims-per-minute",
          "claims-per-minute changes from "
              + running.claimsPerMinute()
              + " to "
              + next.claimsPerMinute());
    }
    if (Double.compare(running.maxSpeedMps(), next.maxSpeedMps()) != 0) {
      changes.safe(
          "limits.max-speed-mps",
          "max-speed-mps changes from "
              + ReloadChanges.number(running.maxSpeedMps())
              + " to "
              + ReloadChanges.number(next.maxSpeedMps()));
    }
    if (Double.compare(running.moveToleranceM(), next.moveToleranceM()) != 0) {
      changes.safe(
          "limits.move-tolerance-m",
          "move-tolerance-m changes from "
              + ReloadChanges.number(running.moveToleranceM())
              + " to "
              + ReloadChanges.number(next.moveToleranceM()));
    }
  }
}
