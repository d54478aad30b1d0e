package io.cairn.engine.hunt;

import io.cairn.engine.egress.Egress;
import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.json.JsonWriter;
import io.cairn.veltrix.Durations;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Round;

/**
 * Which rounds of a hunt are open, and the opening of the next ones. Rounds {@code 0..open-1} show
 * their puzzles and treasures; the first is open from the moment the hunt is loaded (a hunt without
 * rounds is that one round). A later round opens on the clock of hints, the hunt's actual start
 * plus its {@code starts-after}, through {@link HuntState#advance}, so its opening is a journaled
 * change of the command that found it due and replays at the same point. The opening is announced
 * once with a {@code round} event.
 */
final class HuntRounds {
  private final HuntState hunt;
  private int open = 1;
  private String[] lockedMessages = new String[0];

  HuntRounds(HuntState hunt) {
    this.hunt = hunt;
  }

  /** Prepares the LOCKED message of each round, so that refusing an item allocates nothing. */
  void useSnapshot(HuntSnapshot snapshot) {
    lockedMessages = new String[snapshot.roundCount()];
    for (int r = 0; r < snapshot.roundCount(); r++) {
      Round round = snapshot.round(r);
      lockedMessages[r] =
          "not open yet: it comes with round "
              + (r + 1)
              + " of "
              + snapshot.roundCount()
              + ", '"
              + round.title()
              + "', which opens "
              + Durations.format(round.startsAfterMs())
              + " after the hunt's start";
    }
  }

  boolean isOpen(int round) {
    return round < open;
  }

  /** How many rounds are open (at least 1). */
  int openCount() {
    return open;
  }

  /** Restores the count from a snapshot; the caller has checked it against the hunt. */
  void openCount(int count) {
    open = count;
  }

  /** The id of the latest open round, or "" for a hunt without rounds. */
  String currentId() {
    return hunt.snapshot.hasRounds() ? hunt.snapshot.round(open - 1).id() : "";
  }

  String lockedMessage(int round) {
    return lockedMessages[round];
  }

  /**
   * Opens every round whose time has come, in order, each with its event. Rounds open while the
   * hunt is paused, as hints become available then; none opens once the hunt has ended, nor one due
   * at or after its {@code ends-at}. Returns whether any opened.
   */
  boolean openDue(long nowMs, long atMs, Egress egress) {
    boolean opened = false;
    while (open < hunt.snapshot.roundCount() && due(open, nowMs)) {
      open++;
      event(open - 1, atMs, egress);
      opened = true;
    }
    return opened;
  }

  private boolean due(int round, long nowMs) {
    if (hunt.startedAtMs == HuntSnapshot.NO_TIME || hunt.status == HuntStatus.ENDED) {
      return false;
    }
    long opensAtMs = hunt.startedAtMs + hunt.snapshot.roundStartsAfterMs(round);
    long endsAt = hunt.snapshot.endsAtMs();
    return nowMs >= opensAtMs && (endsAt == HuntSnapshot.NO_TIME || opensAtMs < endsAt);
  }

  /**
   * When a round opens (or opened): the start, planned or actual, plus its {@code starts-after};
   * NO_TIME while no start is known.
   */
  long opensAtMs(int round) {
    long startsAt = hunt.startsAtMs();
    return startsAt == HuntSnapshot.NO_TIME
        ? HuntSnapshot.NO_TIME
        : startsAt + hunt.snapshot.roundStartsAfterMs(round);
  }

  /**
   * After a reload to the hunt's new snapshot, carries the open rounds over from {@code old} by id:
   * in the new order, leading rounds that were open stay open and a new round already due opens
   * now, with its event; the first round that is neither closes, with every round after it.
   */
  void carryOver(HuntSnapshot old, long nowMs, long atMs, Egress egress) {
    int wasOpen = open;
    HuntSnapshot next = hunt.snapshot;
    open = 1;
    while (open < next.roundCount()) {
      int was = old.roundIndex(next.round(open).id());
      boolean opened = was >= 0 && was < wasOpen;
      if (!opened && !due(open, nowMs)) {
        break;
      }
      open++;
      if (!opened) {
        event(open - 1, atMs, egress);
      }
    }
  }

  private void event(int index, long atMs, Egress egress) {
    HuntSnapshot snapshot = hunt.snapshot;
    Round round = snapshot.round(index);
    JsonWriter json =
        Replies.event(
                egress,
                EgressHandler.HUNT_EVENT,
                hunt.huntNumber,
                -1,
                "round",
                hunt.pendingSeq(),
                atMs)
            .field("round", round.id())
            .field("title", round.title())
            .field("index", index);
    json.name("puzzles").startArray();
    for (int i = 0, n = round.puzzles().size(); i < n; i++) {
      json.string(snapshot.puzzle(round.puzzles().get(i)).id());
    }
    json.endArray().name("treasures").startArray();
    for (int i = 0, n = round.treasures().size(); i < n; i++) {
      json.string(snapshot.treasure(round.treasures().get(i)).id());
    }
    json.endArray();
    Replies.endEvent(egress);
  }
}
