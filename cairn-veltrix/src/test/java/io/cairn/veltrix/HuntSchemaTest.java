package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Holds hunt.schema.json to the compiler: same keys, same required keys, same verdicts. */
class HuntSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private static JsonNode schemaJson;
  private static JsonSchema schema;
  private static String example;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = HuntSchemaTest.class.getResourceAsStream(HuntFiles.SCHEMA_RESOURCE)) {
      schemaJson = MAPPER.readTree(in);
    }
    schema = FACTORY.getSchema(schemaJson);
    example = Files.readString(HuntFilesTest.EXAMPLE);
  }

  private static Set<ValidationMessage> schemaErrors(String yaml) {
    return schema.validate(YamlToJson.convert(yaml));
  }

  private static List<Problem> compilerProblems(String yaml) {
    try {
      HuntFiles.compile("schema-test.hunt.yaml", yaml);
      return List.of();
    } catch (VeltrixException e) {
      return e.problems();
    }
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    JsonSchema meta =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(schemaJson)).isEmpty();
  }

  @Test
  void specExampleSatisfiesTheSchemaAndCompiles() {
    assertThat(schemaErrors(example)).isEmpty();
    assertThat(compilerProblems(example)).isEmpty();
  }

  static List<String> brokenFiles() {
    String base = "id: h\ntitle: H\n";
    String puzzle = "puzzles:\n  - {id: p, title: P, text: T, points: 1, answers: [x]";
    String treasure = "treasures:\n  - {id: t, name: T, lat: 1, lon: 2, radius-m: 3, points: 4";
    return List.of(
        "title: no id\n",
        base + "scan-raduis-m: 5\n",
        "id: Harbor Run\ntitle: H\n",
        "id: h\ntitle: [a, b]\n",
        base + "max-players: 0\n",
        base + "max-players: '100'\n",
        base + "teams: {max-size: 0}\n",
        base + "teams: {colour: red}\n",
        base + "starts-at: 2026-12-01T18:00:00\n",
        base + "ends-at: tomorrow\n",
        base + "scoring: {first-claim-bonus: -1}\n",
        base + "scoring: {decay: {kind: exp, per-solve: 5}}\n",
        base + "scoring: {decay: {per-solve: 5}}\n",
        base + "limits: {guesses-per-minute: -1}\n",
        base + "limits: {max-speed-mps: fast}\n",
        base + puzzle.replace(", answers: [x]", "") + "}\n",
        base + puzzle.replace("answers: [x]", "answers: []") + "}\n",
        base + puzzle.replace("answers: [x]", "answers: ['?!']") + "}\n",
        base + puzzle.replace("points: 1", "points: -1") + "}\n",
        base + puzzle.replace("points: 1", "points: 1.5") + "}\n",
        base + puzzle.replace(", points: 1", "") + "}\n",
        base + puzzle + ", hints: [{text: h, after: 15 minutes}]}\n",
        base + puzzle + ", hints: [{text: h, aftr: 15m}]}\n",
        base + puzzle + ", hints: [{after: 15m}]}\n",
        base + puzzle + ", partial: [{answer: lens}]}\n",
        base + puzzle + ", requires: [Not An Id]}\n",
        base + treasure + ", colour: red}\n",
        base + treasure.replace("lat: 1", "lat: 91") + "}\n",
        base + treasure.replace("lon: 2", "lon: -180.5") + "}\n",
        base + treasure.replace("radius-m: 3", "radius-m: -3") + "}\n",
        base + treasure.replace(", lat: 1", "") + "}\n",
        base + treasure + ", code: '--'}\n",
        base + "puzzles: {id: p}\n",
        base + "rounds: []\n",
        base + "rounds:\n  - {id: r, title: R}\n",
        base + "rounds:\n  - {id: r, title: R, starts-after: soon}\n",
        base + "rounds:\n  - {id: R 1, title: R, starts-after: 0s}\n",
        base + "rounds:\n  - {id: r, title: R, starts-after: 0s, colour: red}\n",
        base + puzzle + ", round: Not An Id}\n",
        base + treasure + ", round: [r]}\n");
  }

  @ParameterizedTest
  @MethodSource("brokenFiles")
  void schemaAndCompilerBothRefuseABrokenFile(String yaml) {
    assertThat(compilerProblems(yaml)).as("compiler problems of%n%s", yaml).isNotEmpty();
    assertThat(schemaErrors(yaml)).as("schema errors of%n%s", yaml).isNotEmpty();
  }

  static List<String> validFiles() {
    return List.of(
        "id: h\ntitle: H\n",
        "id: h\ntitle: 1984\ndescription: 42\nscan-radius-m: 0\nmax-players: 1\n",
        "id: h\ntitle: H\nstarts-at: 2026-12-01T18:00+01:00\nends-at: 2026-12-01T19:00:00.5Z\n",
        "id: h\ntitle: H\nlimits: {guesses-per-minute: 0, max-speed-mps: 12.5}\n",
        "id: h\ntitle: H\npuzzles:\n  - {id: p, title: P, text: T, points: 0, answer-patterns: ['^a$'],"
            + " hints: [{text: h, after: 1h30m}, {text: i, after: 250ms}]}\n",
        "id: h\ntitle: H\ntreasures:\n  - {id: t, name: T, lat: -90, lon: 180, radius-m: 0,"
            + " points: 0, code: 7731}\n",
        "id: h\ntitle: H\nrounds:\n  - {id: a, title: A, starts-after: 0s}\n"
            + "  - {id: b, title: 2, starts-after: 1h30m}\npuzzles:\n"
            + "  - {id: p, title: P, text: T, points: 0, answers: [x], round: b}\n");
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void schemaAndCompilerBothAcceptAValidFile(String yaml) {
    assertThat(compilerProblems(yaml)).as("compiler problems of%n%s", yaml).isEmpty();
    assertThat(schemaErrors(yaml)).as("schema errors of%n%s", yaml).isEmpty();
  }

  @Test
  void rulesAcrossTheFileAreCheckedByTheCompilerAlone() {
    String crossFile =
        """
        id: h
        title: H
        starts-at: 2026-12-01T18:00:00Z
        ends-at: 2026-12-01T17:00:00Z
        puzzles:
          - {id: a, title: A, text: T, points: 1, answers: [x], requires: [b]}
          - {id: b, title: B, text: T, points: 1, answer-patterns: ['(']}
          - {id: b, title: C, text: T, points: 1, answers: [y], requires: [a, nope]}
        """;
    assertThat(schemaErrors(crossFile)).isEmpty();
    String roundsCrossFile =
        """
        id: h
        title: H
        rounds:
          - {id: a, title: A, starts-after: 5m}
          - {id: a, title: B, starts-after: 1m}
        puzzles:
          - {id: p, title: P, text: T, points: 1, answers: [x], requires: [q], round: nope}
          - {id: q, title: Q, text: T, points: 1, answers: [y], round: a}
        """;
    assertThat(schemaErrors(roundsCrossFile)).isEmpty();
    assertThat(compilerProblems(roundsCrossFile)).hasSizeGreaterThanOrEqualTo(3);
    assertThatThrownBy(() -> HuntFiles.compile("x", crossFile))
        .isInstanceOf(VeltrixException.class);
  }

  @Test
  void schemaListsExactlyTheKeysTheCompilerAccepts() {
    Map<String, List<String>> levels = new LinkedHashMap<>();
    levels.put("", HuntKeys.ROOT);
    levels.put("/properties/teams", HuntKeys.TEAMS);
    levels.put("/properties/scoring", HuntKeys.SCORING);
    levels.put("/properties/scoring/properties/decay", HuntKeys.DECAY);
    levels.put("/properties/limits", HuntKeys.LIMITS);
    levels.put("/$defs/puzzle", HuntKeys.PUZZLE);
    levels.put("/$defs/partial", HuntKeys.PARTIAL);
    levels.put("/$defs/hint", HuntKeys.HINT);
    levels.put("/$defs/treasure", HuntKeys.TREASURE);
    levels.put("/$defs/round", HuntKeys.ROUND);
    for (Map.Entry<String, List<String>> level : levels.entrySet()) {
      JsonNode object = schemaJson.at(level.getKey());
      assertThat(fieldNames(object.get("properties")))
          .as("keys at %s", level.getKey())
          .isEqualTo(new TreeSet<>(level.getValue()));
      assertThat(object.get("additionalProperties").asBoolean(true))
          .as("additionalProperties at %s", level.getKey())
          .isFalse();
    }
  }

  @Test
  void everyKeyOfTheSchemaHasATypeAndADescription() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(schemaJson, "", undescribed);
    assertThat(undescribed).isEmpty();
  }

  /**
   * Removing any one key of the example is refused as missing by the compiler exactly when the
   * schema lists the key as required.
   */
  @Test
  void schemaRequiresExactlyTheKeysTheCompilerRequires() throws Exception {
    int checked =
        checkRequiredKeys(
            example,
            List.of(
                "",
                "/teams",
                "/scoring",
                "/scoring/decay",
                "/limits",
                "/puzzles/0",
                "/puzzles/0/partial/0",
                "/puzzles/0/hints/0",
                "/treasures/0"));
    assertThat(checked).isGreaterThan(30);
    String rounds = Files.readString(HuntRoundsTest.EXAMPLE);
    assertThat(schemaErrors(rounds)).isEmpty();
    assertThat(compilerProblems(rounds)).isEmpty();
    assertThat(checkRequiredKeys(rounds, List.of("/rounds/1", "/puzzles/1", "/treasures/2")))
        .isEqualTo(18);
  }

  /** Removes each key of the objects at {@code objectPointers} in turn; returns how many. */
  private static int checkRequiredKeys(String yamlText, List<String> objectPointers)
      throws Exception {
    JsonNode exampleJson = YamlToJson.convert(yamlText);
    int checked = 0;
    for (String pointer : objectPointers) {
      for (String key : fieldNames(exampleJson.at(pointer))) {
        JsonNode copy = exampleJson.deepCopy();
        ((ObjectNode) copy.at(pointer)).remove(key);
        String yaml = MAPPER.writeValueAsString(copy);
        boolean schemaMissing =
            schema.validate(copy).stream().anyMatch(m -> "required".equals(m.getType()));
        boolean compilerMissing =
            compilerProblems(yaml).stream()
                .anyMatch(p -> p.message().startsWith("missing required key '" + key + "'"));
        assertThat(compilerMissing)
            .as("compiler requires %s%s", pointer, "/" + key)
            .isEqualTo(schemaMissing);
        checked++;
      }
    }
    return checked;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    Iterator<String> it = object.fieldNames();
    while (it.hasNext()) {
      names.add(it.next());
    }
    return names;
  }

  private static void collectUndescribed(JsonNode node, String path, List<String> undescribed) {
    JsonNode properties = node.get("properties");
    if (properties == null) {
      return;
    }
    for (String key : fieldNames(properties)) {
      JsonNode property = properties.get(key);
      boolean typed = property.has("type") || property.has("$ref") || property.has("enum");
      if (!property.has("description") || !typed) {
        undescribed.add(path + "/" + key);
      }
      collectUndescribed(property, path + "/" + key, undescribed);
    }
    JsonNode defs = node.get("$defs");
    if (defs != null) {
      for (String name : fieldNames(defs)) {
        collectUndescribed(defs.get(name), "$defs/" + name, undescribed);
      }
    }
  }
}
