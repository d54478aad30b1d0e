package io.cairn.veltrix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the changes of one reload and judges them: a change is refused only while the hunt is in
 * progress and only when what players already have makes it unsafe; a scheduled hunt takes any
 * change except a different id.
 */
final class ReloadChanges {
  private final boolean inProgress;
  private final List<ReloadChange> changes = new ArrayList<>();

  ReloadChanges(boolean inProgress) {
    this.inProgress = inProgress;
  }

  void safe(String keyPath, String description) {
    changes.add(new ReloadChange(keyPath, description, true));
  }

  /** Refused, with {@code why}, when the hunt is in progress and {@code unsafe} holds. */
  void guarded(String keyPath, String description, boolean unsafe, String why) {
    if (inProgress && unsafe) {
      changes.add(new ReloadChange(keyPath, description + ", but " + why, false));
    } else {
      safe(keyPath, description);
    }
  }

  /** Refused whatever the state and whatever the force. */
  void never(String keyPath, String description) {
    changes.add(new ReloadChange(keyPath, description, false, false));
  }

  ReloadPlan plan() {
    return new ReloadPlan(changes);
  }

  static String instant(long epochMs) {
    return epochMs == HuntSnapshot.NO_TIME ? "none" : Instant.ofEpochMilli(epochMs).toString();
  }

  static String number(double value) {
    return Values.plain(value);
  }
}
