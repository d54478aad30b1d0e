package io.cairn.veltrix;

import org.snakeyaml.engine.v2.nodes.Node;

/** A puzzle id named in a {@code requires} list, kept with its position until ids resolve. */
record Ref(String id, Node node, String path) {}
