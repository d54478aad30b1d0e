package io.cairn.veltrix;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Entry point for hunt files: parse, validate and compile into an immutable {@link HuntSnapshot},
 * or fail with one {@link VeltrixException} that lists every problem of the file with its line,
 * column and key path.
 */
public final class HuntFiles {
  /**
   * Class-path location of the JSON Schema (draft 2020-12) of hunt files, for tools that publish it
   * to editors; a test holds it to this compiler.
   */
  public static final String SCHEMA_RESOURCE = "/io/cairn/veltrix/hunt.schema.json";

  private HuntFiles() {}

  /**
   * Compiles hunt file text; {@code sourceName} names it in messages ("hunts/harbor-run.hunt.yaml",
   * "upload").
   */
  public static HuntSnapshot compile(String sourceName, String yamlText) {
    Problems problems = new Problems(sourceName);
    if (utf8Length(yamlText) > YamlDocument.MAX_BYTES) {
      problems.at(1, 1, "", "file is larger than 1 MiB (" + YamlDocument.MAX_BYTES + " bytes)");
      problems.throwIfAny();
    }
    String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
    Optional<Node> root = YamlDocument.compose(text, problems);
    problems.throwIfAny();
    if (root.isEmpty()) {
      problems.at(1, 1, "", "file is empty: expected a hunt (a map with id, title, ...)");
      problems.throwIfAny();
    }
    return new HuntCompiler(problems).compile(root.orElseThrow(), sourceName, yamlText);
  }

  /** Reads and compiles a hunt file; messages name it by {@code file} as given. */
  public static HuntSnapshot read(Path file) {
    String sourceName = file.toString();
    Problems problems = new Problems(sourceName);
    try {
      if (Files.size(file) > YamlDocument.MAX_BYTES) {
        problems.at(1, 1, "", "file is larger than 1 MiB (" + YamlDocument.MAX_BYTES + " bytes)");
        problems.throwIfAny();
      }
      return compile(sourceName, Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      problems.at(0, 0, "", "no such file");
    } catch (CharacterCodingException e) {
      problems.at(0, 0, "", "file is not valid UTF-8 text");
    } catch (IOException e) {
      problems.at(0, 0, "", "cannot read the file: " + e);
    }
    problems.throwIfAny();
    throw new IllegalStateException("unreachable");
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
