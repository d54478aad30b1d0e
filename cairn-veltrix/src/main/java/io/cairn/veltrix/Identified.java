package io.cairn.veltrix;

import org.snakeyaml.engine.v2.nodes.Node;

/** A draft entry with an id, so that puzzles and treasures share the duplicate-id check. */
interface Identified {
  String id();

  Node idNode();

  String path();
}
