package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntFilesTest {
  static final Path EXAMPLE = Path.of("..", "examples", "harbor-run.hunt.yaml");

  @Test
  void compilesTheSpecExample() {
    HuntSnapshot hunt = HuntFiles.read(EXAMPLE);

    assertThat(hunt.id()).isEqualTo("harbor-run");
    assertThat(hunt.title()).isEqualTo("Harbor Run");
    assertThat(hunt.description()).isEqualTo("Five clues around the old harbour.");
    assertThat(hunt.startsAtMs()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z").toEpochMilli());
    assertThat(hunt.endsAtMs()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z").toEpochMilli());
    assertThat(hunt.scanRadiusM()).isEqualTo(150.0);
    assertThat(hunt.maxPlayers()).isEqualTo(20000);
    assertThat(hunt.teamMaxSize()).isEqualTo(4);
    assertThat(hunt.scoring()).isEqualTo(new Scoring(50, DecayKind.LINEAR, 5, 20));
    assertThat(hunt.limits()).isEqualTo(new Limits(10, 30, 50.0, 30.0));
    assertThat(hunt.sourceName()).isEqualTo(EXAMPLE.toString());

    Puzzle lighthouse = hunt.puzzle(0);
    assertThat(hunt.puzzleCount()).isEqualTo(1);
    assertThat(hunt.puzzleIndex("lighthouse")).isZero();
    assertThat(lighthouse.title()).isEqualTo("Light the way");
    assertThat(lighthouse.points()).isEqualTo(100);
    assertThat(lighthouse.normalizedAnswers()).containsExactly("fresnel", "fresnellens");
    assertThat(lighthouse.answerPatterns()).hasSize(1);
    assertThat(lighthouse.answerPatterns().get(0).pattern()).isEqualTo("^fres?nel( lens)?$");
    assertThat(lighthouse.partials())
        .containsExactly(new PartialAnswer("lens", "Which kind of lens?"));
    assertThat(lighthouse.hints())
        .containsExactly(new Hint("Think of a French physicist.", 20, 900_000));
    assertThat(lighthouse.requires()).isEqualTo(IntList.empty());

    Treasure anchor = hunt.treasure(0);
    assertThat(hunt.treasureIndex("old-anchor")).isZero();
    assertThat(anchor.name()).isEqualTo("The Old Anchor");
    assertThat(anchor.lat()).isEqualTo(59.3251);
    assertThat(anchor.lon()).isEqualTo(18.0711);
    assertThat(anchor.radiusM()).isEqualTo(25.0);
    assertThat(anchor.points()).isEqualTo(200);
    assertThat(anchor.normalizedCode()).isEqualTo("anchor7731");
    assertThat(anchor.requires()).isEqualTo(IntList.of(0));
  }

  @Test
  void appliesDefaultsForOptionalKeys() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "minimal.hunt.yaml",
            """
            id: minimal
            title: Minimal
            puzzles:
              - id: p
                title: P
                text: Say yes.
                points: 10
                answers: [yes]
            treasures:
              - id: t
                name: T
                lat: 1
                lon: 2
                radius-m: 5
                points: 3
            """);

    assertThat(hunt.description()).isEmpty();
    assertThat(hunt.startsAtMs()).isEqualTo(HuntSnapshot.NO_TIME);
    assertThat(hunt.endsAtMs()).isEqualTo(HuntSnapshot.NO_TIME);
    assertThat(hunt.scanRadiusM()).isEqualTo(100.0);
    assertThat(hunt.maxPlayers()).isEqualTo(20_000);
    assertThat(hunt.teamMaxSize()).isEqualTo(4);
    assertThat(hunt.scoring()).isEqualTo(Scoring.DEFAULT);
    assertThat(hunt.limits()).isEqualTo(new Limits(10, 30, 50.0, 30.0));
    assertThat(hunt.puzzle(0).hints()).isEmpty();
    assertThat(hunt.puzzle(0).partials()).isEmpty();
    assertThat(hunt.puzzle(0).answerPatterns()).isEmpty();
    assertThat(hunt.treasure(0).hasCode()).isFalse();
    assertThat(hunt.treasure(0).requires()).isEqualTo(IntList.empty());
  }

  @Test
  void readsTheExtensionLimits() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "limits.hunt.yaml",
            """
            id: limits
            title: Limits
            limits:
              guesses-per-minute: 3
              claims-per-minute: 7
              max-speed-mps: 12.5
              move-tolerance-m: 40
            """);

    assertThat(hunt.limits()).isEqualTo(new Limits(3, 7, 12.5, 40.0));
  }

  @Test
  void givesDenseIndexesInFileOrderAndResolvesRequires() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "order.hunt.yaml",
            """
            id: order
            title: Order
            puzzles:
              - {id: c, title: C, text: c, points: 1, answers: [c], requires: [b, a]}
              - {id: a, title: A, text: a, points: 1, answers: [a]}
              - {id: b, title: B, text: b, points: 1, answers: [b], requires: [a, a]}
            treasures:
              - {id: z, name: Z, lat: 0, lon: 0, radius-m: 1, points: 1, requires: [c]}
            """);

    assertThat(hunt.puzzles()).extracting(Puzzle::id).containsExactly("c", "a", "b");
    assertThat(hunt.puzzles()).extracting(Puzzle::index).containsExactly(0, 1, 2);
    assertThat(hunt.puzzleIndex("b")).isEqualTo(2);
    assertThat(hunt.puzzleIndex("nope")).isEqualTo(-1);
    assertThat(hunt.puzzle(0).requires()).isEqualTo(IntList.of(2, 1));
    assertThat(hunt.puzzle(2).requires()).isEqualTo(IntList.of(1));
    assertThat(hunt.treasure(0).requires()).isEqualTo(IntList.of(0));
  }

  @Test
  void compilesPatternsThatIgnoreCase() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "patterns.hunt.yaml",
            """
            id: patterns
            title: Patterns
            puzzles:
              - id: p
                title: P
                text: Which lens?
                points: 1
                answer-patterns: ['^Fres?nel( lens)?$']
            """);

    StringBuilder guess = new StringBuilder();
    AnswerNormalizer.normalizeForPattern("the FRENEL lens", guess);
    assertThat(hunt.puzzle(0).answerPatterns().get(0).matcher(guess).find()).isFalse();
    AnswerNormalizer.normalizeForPattern("Frenel  Lens!", guess);
    assertThat(hunt.puzzle(0).answerPatterns().get(0).matcher(guess).find()).isTrue();
  }

  @Test
  void acceptsNumbersWrittenAsTextForAnswersAndCodes() {
    HuntSnapshot hunt =
        HuntFiles.compile(
            "numbers.hunt.yaml",
            """
            id: numbers
            title: Numbers
            puzzles:
              - {id: year, title: Year, text: When?, points: 1, answers: [1969, 69.0]}
            treasures:
              - {id: t, name: T, lat: 0, lon: 0, radius-m: 1, points: 1, code: 0042}
            """);

    assertThat(hunt.puzzle(0).normalizedAnswers()).containsExactly("1969", "690");
    assertThat(hunt.treasure(0).normalizedCode()).isEqualTo("0042");
  }

  @Test
  void keepsTheSourceTextForReplay() {
    String text = "id: kept\ntitle: Kept\n";
    assertThat(HuntFiles.compile("upload", text).sourceText()).isEqualTo(text);
  }

  @Test
  void readNamesTheFileAsGivenAndReadsUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fika.hunt.yaml");
    Files.writeString(file, "id: fika\ntitle: Fika på kajen\n", StandardCharsets.UTF_8);

    assertThat(HuntFiles.read(file).title()).isEqualTo("Fika på kajen");
    assertThat(HuntFiles.read(file).sourceName()).isEqualTo(file.toString());
  }

  @Test
  void readReportsAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("absent.hunt.yaml");
    assertThatThrownBy(() -> HuntFiles.read(file))
        .isInstanceOfSatisfying(
            VeltrixException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::message)
                    .containsExactly("no such file"));
  }

  @Test
  void readReportsTextThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.hunt.yaml");
    Files.write(file, "id: x\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> HuntFiles.read(file))
        .isInstanceOfSatisfying(
            VeltrixException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::message)
                    .containsExactly("file is not valid UTF-8 text"));
  }

  @Test
  void readRefusesAFileOverOneMebibyteWithoutParsingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.hunt.yaml");
    Files.writeString(file, "id: h\ntitle: H\n# " + "x".repeat(1024 * 1024) + "\n");
    assertThatThrownBy(() -> HuntFiles.read(file))
        .isInstanceOfSatisfying(
            VeltrixException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            file.toString(),
                            1,
                            1,
                            "",
                            "file is larger than 1 MiB (1048576 bytes)")));
  }

  @Test
  void refusesAFileOverOneMebibyteCountedInUtf8Bytes() {
    String nearlyFull = "id: h\ntitle: H\n# " + "é".repeat(600_000) + "\n";
    assertThatThrownBy(() -> HuntFiles.compile("upload", nearlyFull))
        .isInstanceOf(VeltrixException.class)
        .hasMessageContaining("file is larger than 1 MiB");
  }
}
