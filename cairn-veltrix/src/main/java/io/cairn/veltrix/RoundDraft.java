package io.cairn.veltrix;

import org.snakeyaml.engine.v2.nodes.Node;

/** A round as read from its file, with the positions that the checks across rounds still need. */
record RoundDraft(
    String id,
    Node idNode,
    String path,
    String title,
    long startsAfterMs,
    Node startsAfterNode,
    String startsAfterPath)
    implements Identified {
  /** A {@code starts-after} that is missing or unreadable (already reported): not compared. */
  static final long UNKNOWN_MS = -1;
}
