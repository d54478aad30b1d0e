package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.veltrix.settings.Setting;
import io.cairn.veltrix.settings.SettingsReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md carries the settings table generated from the registry. When a setting
 * changes, regenerate it with {@code ./mvnw -o -q -pl cairn-app -am test -Dtest=OperationsDocTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcairn.updateDocs=true}.
 */
class OperationsDocTest {
  /** Surefire runs in the module's directory. */
  private static final Path DOC = Path.of("..", "docs", "operations.md");

  private static final String BEGIN = "<!-- settings-table:begin -->\n";
  private static final String END = "<!-- settings-table:end -->";

  @Test
  void settingsTableIsTheOneGeneratedFromTheRegistry() throws IOException {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("begin marker").isNotNegative();
    assertThat(end).as("end marker").isGreaterThan(begin);
    String generated = SettingsReference.markdownTable();
    if (Boolean.getBoolean("cairn.updateDocs")) {
      doc = doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end);
      Files.writeString(DOC, doc);
      end = doc.indexOf(END);
    }
    assertThat(doc.substring(begin + BEGIN.length(), end))
        .as(
            "the settings table of docs/operations.md is out of date; regenerate it (see this test's Javadoc)")
        .isEqualTo(generated);
  }

  @Test
  void tableHasOneRowPerSettingWithItsVariable() {
    String table = SettingsReference.markdownTable();
    for (Setting s : Setting.values()) {
      assertThat(table)
          .contains("| `" + s.key() + "` | ")
          .contains("| `" + s.environmentVariable() + "` | ");
    }
    assertThat(table)
        .contains("| `shards` | int 1..1024 | number of cores |")
        .contains("every \\*.hunt.yaml file")
        .contains("| `fsync` | enum always\\|interval\\|never | `always` |")
        .contains("| `admin-token` | string | (empty) |");
  }
}
