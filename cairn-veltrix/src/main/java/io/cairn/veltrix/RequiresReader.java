package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a {@code requires} list as ids with positions; they resolve once all puzzles are known. */
final class RequiresReader {
  private RequiresReader() {}

  static List<Ref> read(MapReader r, Problems problems) {
    List<Ref> refs = new ArrayList<>();
    List<Node> items = r.list("requires", "puzzle ids");
    for (int i = 0; i < items.size(); i++) {
      String itemPath = r.pathOf("requires") + "[" + i + "]";
      Node item = items.get(i);
      Values.string(item, itemPath, problems, "a puzzle id")
          .ifPresent(id -> refs.add(new Ref(id, item, itemPath)));
    }
    return List.copyOf(refs);
  }
}
