package io.cairn.veltrix;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one entry of {@code treasures}; the claim code is stored normalised, like answers. */
final class TreasureReader {
  private final Problems problems;

  TreasureReader(Problems problems) {
    this.problems = problems;
  }

  Optional<TreasureDraft> read(Node node, String path) {
    Optional<MapReader> opened =
        MapReader.open(node, path, problems, HuntKeys.TREASURE, "a treasure (a map)");
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = opened.get();
    String id = r.requiredId("id");
    String name = r.requiredText("name");
    double lat = r.requiredNumber("lat", -90, 90);
    double lon = r.requiredNumber("lon", -180, 180);
    double radiusM = r.requiredNumber("radius-m", 0, Double.MAX_VALUE);
    int points = r.requiredInteger("points", 0);
    String code = "";
    if (r.has("code")) {
      Node codeNode = r.get("code").orElseThrow();
      Optional<String> text = Values.text(codeNode, r.pathOf("code"), problems);
      if (text.isPresent()) {
        code = AnswerNormalizer.normalize(text.get());
        if (code.isEmpty()) {
          problems.at(
              codeNode,
              r.pathOf("code"),
              "'"
                  + Values.shorten(text.get())
                  + "' normalises to nothing: expected at least one letter or digit");
        }
      }
    }
    return Optional.of(
        new TreasureDraft(
            id,
            r.get("id").orElse(node),
            path,
            name,
            lat,
            lon,
            radiusM,
            points,
            code,
            RequiresReader.read(r, problems),
            RoundReader.roundRef(r, problems)));
  }
}
