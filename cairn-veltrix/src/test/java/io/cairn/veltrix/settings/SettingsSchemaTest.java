package io.cairn.veltrix.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The published JSON Schema of cairn.yaml is generated from the registry. When a setting changes,
 * regenerate it with {@code ./mvnw -o -q -pl cairn-veltrix -am test -Dtest=SettingsSchemaTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcairn.updateDocs=true}.
 */
class SettingsSchemaTest {
  private static final Path COMMITTED =
      Path.of("src/main/resources", SettingsReference.SCHEMA_RESOURCE);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> publishedSchema() throws IOException {
    try (InputStream in =
        SettingsSchemaTest.class
            .getClassLoader()
            .getResourceAsStream(SettingsReference.SCHEMA_RESOURCE)) {
      assertThat(in).as("schema on the class path").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> properties() throws IOException {
    return (Map<String, Map<String, Object>>) publishedSchema().get("properties");
  }

  @Test
  void committedSchemaIsTheOneGeneratedFromTheRegistry() throws IOException {
    String generated = SettingsReference.jsonSchema();
    if (Boolean.getBoolean("cairn.updateDocs")) {
      Files.writeString(COMMITTED, generated);
    }
    assertThat(Files.readString(COMMITTED))
        .as("cairn.schema.json is out of date; regenerate it (see this test's Javadoc)")
        .isEqualTo(generated);
  }

  @Test
  void everySettingIsAPropertyOfThePublishedSchemaAndNothingElse() throws IOException {
    Map<String, Object> schema = publishedSchema();
    assertThat(schema.get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("type")).isEqualTo("object");
    assertThat(schema.get("additionalProperties")).isEqualTo(false);
    assertThat(properties().keySet()).containsExactlyElementsOf(Setting.keys());
  }

  @Test
  void everyDefaultSatisfiesItsOwnSchema() throws IOException {
    for (Setting s : Setting.values()) {
      Map<String, Object> property = properties().get(s.key());
      assertThat(property.get("description")).as(s.key()).isNotNull();
      if (!s.documentedDefault().equals(s.defaultText())) {
        assertThat(property).as(s.key()).doesNotContainKey("default");
        continue;
      }
      Object value = property.get("default");
      assertThat(value).as(s.key()).isNotNull();
      assertThat(String.valueOf(value)).isEqualTo(s.defaultText());
      if (property.get("pattern") instanceof String pattern && value instanceof String text) {
        assertThat(Pattern.compile(pattern).matcher(text).find()).as(s.key()).isTrue();
      }
      if (property.get("enum") instanceof List<?> choices) {
        assertThat(choices.contains(value)).as(s.key()).isTrue();
      }
      if (value instanceof Number n) {
        assertThat(n.longValue())
            .as(s.key())
            .isBetween(
                ((Number) property.get("minimum")).longValue(),
                ((Number) property.get("maximum")).longValue());
      }
    }
  }

  @Test
  void schemaPatternsAcceptExactlyWhatTheParserReads() {
    Pattern size = Pattern.compile(Units.SIZE_PATTERN);
    for (String text :
        List.of(
            "4KiB", "64MiB", "1g", "512m", "4096", "12B", "2TiB", "4MB", "1.5g", "4 KiB", "k",
            "4kib")) {
      assertThat(size.matcher(text).find())
          .as(text)
          .isEqualTo(Units.parseSize(text) instanceof Parsed.Value);
    }
    Pattern duration = Pattern.compile(Units.DURATION_PATTERN);
    for (String text :
        List.of(
            "250ms", "15m", "2h", "1d", "60s", "5us", "7ns", "250", "1.5s", "2 h", "3w", "ms")) {
      assertThat(duration.matcher(text).find())
          .as(text)
          .isEqualTo(Units.parseDuration(text) instanceof Parsed.Value);
    }
  }
}
