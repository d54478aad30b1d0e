package io.cairn.veltrix;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** A treasure as read from its file, before its {@code requires} ids are resolved to indexes. */
record TreasureDraft(
    String id,
    Node idNode,
    String path,
    String name,
    double lat,
    double lon,
    double radiusM,
    int points,
    String normalizedCode,
    List<Ref> requires,
    Optional<Ref> round)
    implements Identified, RoundMember, Requiring {

  Treasure compile(int index, IntList requiredIndexes) {
    return new Treasure(
        index, id, name, lat, lon, radiusM, points, normalizedCode, requiredIndexes);
  }
}
