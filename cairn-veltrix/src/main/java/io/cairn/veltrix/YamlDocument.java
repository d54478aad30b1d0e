package io.cairn.veltrix;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Composes YAML text into a node tree (not Java objects), so that every key and value keeps its
 * line and column for messages, and duplicate keys can be reported instead of silently merged.
 */
final class YamlDocument {
  /** Hunt files larger than this are refused before parsing. */
  static final int MAX_BYTES = 1024 * 1024;

  private YamlDocument() {}

  /** The document's root node; empty (with the problem reported) on a syntax error. */
  static Optional<Node> compose(String text, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(problems.file())
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit(MAX_BYTES + 1)
            .build();
    try {
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      problems.at(
          mark.map(m -> m.getLine() + 1).orElse(1),
          mark.map(m -> m.getColumn() + 1).orElse(1),
          "",
          "YAML syntax error: " + what + context);
    } catch (YamlEngineException e) {
      problems.at(1, 1, "", "YAML syntax error: " + e.getMessage());
    } catch (StackOverflowError e) {
      // The composer recurses per nesting level; a hostile upload ("[[[[...") must not kill the
      // thread that compiles it. The stack has unwound here and the composer kept no state.
      problems.at(1, 1, "", "YAML nesting is too deep to read");
    }
    return Optional.empty();
  }
}
