package io.cairn.veltrix.settings;

import io.cairn.veltrix.JsonText;
import java.util.List;

/**
 * Renders the {@link Setting} registry for people and editors: the JSON Schema of {@code
 * cairn.yaml} and the settings table of docs/operations.md. Tests compare the committed files with
 * these renderings, so the published forms cannot drift from the code.
 */
public final class SettingsReference {
  /** Where the schema is published, on the class path and under src/main/resources. */
  public static final String SCHEMA_RESOURCE = "io/cairn/veltrix/settings/cairn.schema.json";

  private SettingsReference() {}

  /** JSON Schema (draft 2020-12) of the server file; every setting is a property. */
  public static String jsonSchema() {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("{\n");
    sb.append("  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n");
    sb.append("  \"title\": \"Cairn server file (cairn.yaml)\",\n");
    sb.append("  \"description\": ")
        .append(
            JsonText.quote(
                "Operator settings of a Cairn server. Every key is optional; environment"
                    + " variables (CAIRN_*) and command-line flags (--set key=value) override it."))
        .append(",\n");
    sb.append("  \"type\": \"object\",\n");
    sb.append("  \"additionalProperties\": false,\n");
    sb.append("  \"properties\": {\n");
    Setting[] settings = Setting.values();
    for (int i = 0; i < settings.length; i++) {
      appendProperty(sb, settings[i]);
      sb.append(i + 1 < settings.length ? ",\n" : "\n");
    }
    sb.append("  }\n");
    sb.append("}\n");
    return sb.toString();
  }

  /** Markdown table: key, type and range, default, environment variable, description. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("| key | type | default | environment | description |\n");
    sb.append("|---|---|---|---|---|\n");
    for (Setting s : Setting.values()) {
      sb.append("| `")
          .append(s.key())
          .append("` | ")
          .append(markdownText(typeAndRange(s)))
          .append(" | ")
          .append(documentedDefault(s))
          .append(" | `")
          .append(s.environmentVariable())
          .append("` | ")
          .append(markdownText(s.description()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String documentedDefault(Setting s) {
    if (s.defaultText().isEmpty()) {
      return "(empty)";
    }
    return s.documentedDefault().equals(s.defaultText())
        ? "`" + s.defaultText() + "`"
        : s.documentedDefault();
  }

  /** Escapes what a table cell would otherwise read as markup. */
  private static String markdownText(String text) {
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
  }

  /** {@code size 64KiB..1GiB}, {@code enum always|interval|never}, {@code path}. */
  public static String typeAndRange(Setting s) {
    return switch (s.type()) {
      case INT -> "int " + s.min() + ".." + s.max();
      case SIZE -> "size " + Units.formatBytes(s.min()) + ".." + Units.formatBytes(s.max());
      case DURATION -> "duration " + Units.formatNs(s.min()) + ".." + Units.formatNs(s.max());
      case ENUM -> "enum " + String.join("|", s.choices());
      case STRING, PATH, BOOL -> s.type().label();
    };
  }

  private static void appendProperty(StringBuilder sb, Setting s) {
    sb.append("    ").append(JsonText.quote(s.key())).append(": {\n");
    boolean fixedDefault = s.documentedDefault().equals(s.defaultText());
    String description =
        fixedDefault
            ? s.description()
            : s.description() + " (default: " + s.documentedDefault() + ")";
    sb.append("      \"description\": ").append(JsonText.quote(description));
    switch (s.type()) {
      case INT -> {
        sb.append(",\n      \"type\": \"integer\"");
        appendRange(sb, s);
      }
      case SIZE -> {
        sb.append(",\n      \"type\": [\"integer\", \"string\"]");
        sb.append(",\n      \"pattern\": ").append(JsonText.quote(Units.SIZE_PATTERN));
        appendRange(sb, s);
      }
      case DURATION -> {
        sb.append(",\n      \"type\": \"string\"");
        sb.append(",\n      \"pattern\": ").append(JsonText.quote(Units.DURATION_PATTERN));
      }
      case ENUM -> sb.append(",\n      \"enum\": ").append(quotedList(s.choices()));
      case STRING -> sb.append(",\n      \"type\": \"string\"");
      case PATH -> sb.append(",\n      \"type\": \"string\",\n      \"minLength\": 1");
      case BOOL -> sb.append(",\n      \"type\": \"boolean\"");
    }
    if (fixedDefault) {
      boolean bare = s.type() == SettingType.INT || s.type() == SettingType.BOOL;
      sb.append(",\n      \"default\": ")
          .append(bare ? s.defaultText() : JsonText.quote(s.defaultText()));
    }
    sb.append("\n    }");
  }

  private static void appendRange(StringBuilder sb, Setting s) {
    sb.append(",\n      \"minimum\": ").append(s.min());
    sb.append(",\n      \"maximum\": ").append(s.max());
  }

  private static String quotedList(List<String> words) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(JsonText.quote(words.get(i)));
    }
    return sb.append(']').toString();
  }
}
