package io.cairn.app;

import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The hunt {@code cairn demo} plays, read from the app jar so the demo runs from any directory. Its
 * one source is {@code examples/old-town.hunt.yaml}, which the build copies into the jar.
 */
final class DemoHunt {
  /** The resource the build copies {@code examples/old-town.hunt.yaml} to. */
  static final String RESOURCE = "/io/cairn/app/demo/old-town.hunt.yaml";

  static final String SOURCE_NAME = "old-town.hunt.yaml";

  private DemoHunt() {}

  /** The hunt file's text, exactly as in the jar. */
  static String text() {
    try (InputStream in = DemoHunt.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the demo hunt " + RESOURCE + " is missing from the app jar: rebuild Cairn");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo hunt " + RESOURCE, e);
    }
  }

  /** The hunt compiled; a bundled hunt that does not compile is a bug of the build. */
  static HuntSnapshot compile() {
    return HuntFiles.compile(SOURCE_NAME, text());
  }
}
