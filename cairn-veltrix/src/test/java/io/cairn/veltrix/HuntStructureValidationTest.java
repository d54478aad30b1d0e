package io.cairn.veltrix;

import static io.cairn.veltrix.HuntProblems.assertAt;
import static io.cairn.veltrix.HuntProblems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys, types, required keys and the file as a whole. */
class HuntStructureValidationTest {
  @Test
  void rejectsAnUnknownTopLevelKeyWithASuggestion() {
    Problem p =
        only(
            """
            id: h
            title: H
            scan-raduis-m: 50
            """);
    assertAt(p, 3, 1, "scan-raduis-m");
    assertThat(p.message())
        .startsWith(
            "unknown key 'scan-raduis-m' (did you mean 'scan-radius-m'?); expected one of: id, title,");
  }

  @Test
  void rejectsAnUnknownKeyDeepInsideAPuzzleWithASuggestion() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: [x]
                hints:
                  - text: Look up.
                    aftr: 15m
            """);
    assertAt(p, 11, 9, "puzzles[0].hints[0].aftr");
    assertThat(p.message())
        .isEqualTo(
            "unknown key 'aftr' (did you mean 'after'?); expected one of: text, cost, after");
  }

  @Test
  void rejectsAnUnknownKeyWithoutSuggestionWhenNothingIsClose() {
    Problem p =
        only(
            """
            id: h
            title: H
            teams:
              colour: red
            """);
    assertAt(p, 4, 3, "teams.colour");
    assertThat(p.message()).isEqualTo("unknown key 'colour'; expected one of: max-size");
  }

  @Test
  void rejectsADuplicateKey() {
    Problem p =
        only(
            """
            id: h
            title: H
            title: Again
            """);
    assertAt(p, 3, 1, "title");
    assertThat(p.message()).isEqualTo("duplicate key 'title' (first given at line 2)");
  }

  @Test
  void rejectsAListWhereAStringIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: [a, b]
            """);
    assertAt(p, 2, 8, "title");
    assertThat(p.message()).isEqualTo("expected a string, found a list");
  }

  @Test
  void rejectsAStringWhereANumberIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: H
            scan-radius-m: wide
            """);
    assertAt(p, 3, 16, "scan-radius-m");
    assertThat(p.message()).isEqualTo("expected a number >= 0, found the string 'wide'");
  }

  @Test
  void rejectsAFractionWhereAnIntegerIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: H
            max-players: 10.5
            """);
    assertAt(p, 3, 14, "max-players");
    assertThat(p.message()).isEqualTo("expected an integer >= 1, found the number 10.5");
  }

  @Test
  void rejectsAQuotedNumberWhereAnIntegerIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: H
            max-players: "100"
            """);
    assertAt(p, 3, 14, "max-players");
    assertThat(p.message()).isEqualTo("expected an integer >= 1, found the string '100'");
  }

  @Test
  void rejectsAnIntegerTooLargeForTheEngine() {
    Problem p =
        only(
            """
            id: h
            title: H
            max-players: 99999999999
            """);
    assertAt(p, 3, 14, "max-players");
    assertThat(p.message()).isEqualTo("expected an integer <= 2147483647, found 99999999999");
  }

  @Test
  void rejectsAScalarWhereAListIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                points: 1
                answers: fresnel
            """);
    assertAt(p, 8, 14, "puzzles[0].answers");
    assertThat(p.message()).isEqualTo("expected a list of strings, found the string 'fresnel'");
  }

  @Test
  void rejectsAScalarWhereAMapIsExpected() {
    Problem p =
        only(
            """
            id: h
            title: H
            teams: 4
            """);
    assertAt(p, 3, 8, "teams");
    assertThat(p.message()).isEqualTo("expected a map with max-size, found the number 4");
  }

  @Test
  void rejectsNullForAValue() {
    Problem p =
        only(
            """
            id: h
            title:
            """);
    assertAt(p, 2, 7, "title");
    assertThat(p.message()).isEqualTo("expected a string, found nothing (null)");
  }

  @Test
  void rejectsMissingRequiredKeysOfTheHunt() {
    List<Problem> problems = HuntProblems.of("description: no id, no title\n");
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 1, 1, "id");
    assertThat(problems.get(0).message())
        .isEqualTo("missing required key 'id' (an id of 1 to 40 characters a-z, 0-9 or '-')");
    assertAt(problems.get(1), 1, 1, "title");
    assertThat(problems.get(1).message()).isEqualTo("missing required key 'title' (a string)");
  }

  @Test
  void rejectsMissingRequiredKeysOfAPuzzleAndATreasure() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: h
            title: H
            puzzles:
              - id: p
                title: P
                text: T
                answers: [x]
            treasures:
              - id: t
                name: T
                lon: 1
                radius-m: 1
                points: 1
            """);
    assertThat(problems).hasSize(2);
    assertAt(problems.get(0), 4, 5, "puzzles[0].points");
    assertThat(problems.get(0).message())
        .isEqualTo("missing required key 'points' (an integer >= 0)");
    assertAt(problems.get(1), 9, 5, "treasures[0].lat");
    assertThat(problems.get(1).message())
        .isEqualTo("missing required key 'lat' (a number between -90 and 90)");
  }

  @Test
  void rejectsAFileThatIsNotAMap() {
    Problem p = only("- one\n- two\n");
    assertAt(p, 1, 1, "");
    assertThat(p.message()).isEqualTo("expected a hunt (a map with id, title, ...), found a list");
  }

  @Test
  void rejectsAnEmptyFile() {
    Problem p = only("");
    assertAt(p, 1, 1, "");
    assertThat(p.message()).isEqualTo("file is empty: expected a hunt (a map with id, title, ...)");
    assertThat(only("# only a comment\n\n").message()).startsWith("file is empty");
  }

  @Test
  void rejectsAFileOverOneMebibyte() {
    String big = "id: h\ntitle: H\ndescription: " + "x".repeat(1024 * 1024) + "\n";
    Problem p = only(big);
    assertAt(p, 1, 1, "");
    assertThat(p.message()).isEqualTo("file is larger than 1 MiB (1048576 bytes)");
  }

  @Test
  void reportsAYamlSyntaxErrorAtTheParsersPosition() {
    Problem p =
        only(
            """
            id: h
            title: [unclosed
            description: d
            """);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(12);
    assertThat(p.keyPath()).isEmpty();
    assertThat(p.message()).startsWith("YAML syntax error: ");
  }

  @Test
  void reportsABadIndentAsASyntaxError() {
    Problem p = only("id: h\ntitle: H\n  max-players: 3\n");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(14);
    assertThat(p.message()).startsWith("YAML syntax error: mapping values are not allowed here");
  }

  @Test
  void reportsNestingTooDeepToReadInsteadOfFailing() {
    Problem p = only("id: h\ntitle: " + "[".repeat(200_000) + "\n");
    assertAt(p, 1, 1, "");
    assertThat(p.message()).isEqualTo("YAML nesting is too deep to read");
  }

  @Test
  void followsAliasesButRefusesTooManyOfThem() {
    assertThat(
            HuntFiles.compile("alias", "id: h\ntitle: &t Harbor\ndescription: *t\n").description())
        .isEqualTo("Harbor");
    StringBuilder bomb = new StringBuilder("id: h\ntitle: T\ndescription: &a [x]\nlimits:\n");
    bomb.append("  guesses-per-minute: [").append("*a, ".repeat(60)).append("*a]\n");
    assertThat(HuntProblems.of(bomb.toString()).get(0).message()).startsWith("YAML syntax error: ");
  }

  @Test
  void reportsEveryProblemOfAFileAtOnceInFileOrder() {
    List<Problem> problems =
        HuntProblems.of(
            """
            id: Bad Id
            title: H
            max-players: 0
            puzzles:
              - id: p
                title: P
                text: T
                points: -1
                answers: ['!!']
            treasures:
              - {id: t, name: T, lat: 91, lon: 0, radius-m: 1, points: 1, requires: [q]}
            """);
    assertThat(problems)
        .extracting(Problem::keyPath)
        .containsExactly(
            "id",
            "max-players",
            "puzzles[0].points",
            "puzzles[0].answers[0]",
            "treasures[0].lat",
            "treasures[0].requires[0]");
  }

  @Test
  void formatsAProblemAsFileLineColumnPathMessage() {
    Problem p = only("id: h\ntitle: H\nmax-players: 0\n");
    assertThat(p.format())
        .isEqualTo("test.hunt.yaml:3:14: max-players: expected an integer >= 1, found 0");
  }
}
