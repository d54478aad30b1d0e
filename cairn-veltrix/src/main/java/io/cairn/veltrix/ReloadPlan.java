package io.cairn.veltrix;

import java.util.List;

/**
 * The changes a reload would make, each judged safe or not, so that an organiser can see what a
 * reload does before it happens and decide whether to force it.
 */
public record ReloadPlan(List<ReloadChange> changes) {

  public ReloadPlan {
    changes = List.copyOf(changes);
  }

  /**
   * True when the reload may be applied: every change is safe, or {@code force} is set and no
   * change is beyond force.
   */
  public boolean allowed(boolean force) {
    for (ReloadChange change : changes) {
      if (!change.safe() && (!force || !change.forcible())) {
        return false;
      }
    }
    return true;
  }

  /** The changes that are not safe. */
  public List<ReloadChange> refused() {
    return changes.stream().filter(c -> !c.safe()).toList();
  }

  /** Lists the refused changes, one per line, or says that there are none. */
  public String explanation() {
    List<ReloadChange> refused = refused();
    if (refused.isEmpty()) {
      return changes.isEmpty()
          ? "no changes"
          : "nothing refused: " + countOf(changes.size(), "safe change");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(countOf(refused.size(), "change")).append(" refused");
    boolean anyBeyondForce = refused.stream().anyMatch(c -> !c.forcible());
    sb.append(anyBeyondForce ? " (not even with force):" : " (force applies them anyway):");
    for (ReloadChange change : refused) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(change.keyPath())
          .append(": ")
          .append(change.description());
    }
    return sb.toString();
  }

  private static String countOf(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
