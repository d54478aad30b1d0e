package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  /** The example of the spec, as committed; surefire runs in the module's directory. */
  private static final Path EXAMPLE = Path.of("..", "examples", "harbor-run.hunt.yaml");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void acceptsTheSpecExampleWithItsCounts() {
    CliRun run = CliRun.run(Map.of(), dir, "validate", EXAMPLE.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("OK " + EXAMPLE + " (1 puzzle, 1 treasure)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void printsEveryProblemOfEveryBadFileWithPositionsAndExits1() throws IOException {
    Path typo =
        write(
            "typo.hunt.yaml",
            Files.readString(EXAMPLE).replace("title: Harbor Run", "tilte: Harbor Run"));
    Path badRef =
        write(
            "bad-ref.hunt.yaml",
            Files.readString(EXAMPLE)
                .replace("requires: [lighthouse]", "requires: [lighthose]")
                .replace("scan-radius-m: 150", "scan-radius-m: -1"));
    CliRun run =
        CliRun.run(
            Map.of(), dir, "validate", typo.toString(), EXAMPLE.toString(), badRef.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).containsExactly("OK " + EXAMPLE + " (1 puzzle, 1 treasure)");
    assertThat(run.errLines())
        .anySatisfy(
            l -> assertThat(l).startsWith(typo + ":2:1: tilte: ").contains("did you mean 'title'?"))
        .anySatisfy(l -> assertThat(l).startsWith(badRef + ":6:16: scan-radius-m: "))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        java.util.regex.Pattern.quote(badRef.toString())
                            + ":\\d+:\\d+: treasures\\[0]\\.requires\\[0]: .*lighthose.*"));
    assertThat(run.errLines().getLast()).matches("2 files of 3 invalid, \\d+ problems");
  }

  @Test
  void reportsAMissingFileAndGoesOnWithTheOthers() {
    Path missing = dir.resolve("gone.hunt.yaml");
    CliRun run = CliRun.run(Map.of(), dir, "validate", missing.toString(), EXAMPLE.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).first().isEqualTo(missing + ": no such file");
    assertThat(run.outLines()).hasSize(1);
  }

  @Test
  void validatesAServerFileRecognisedByItsName() throws IOException {
    Path good = write("cairn.yaml", "port: 9090\nboard-tick: 100ms\n");
    CliRun run = CliRun.run(Map.of(), dir, "validate", good.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("OK " + good + " (server file, 2 settings)");
  }

  @Test
  void reportsEveryProblemOfABadServerFile() throws IOException {
    Files.createDirectories(dir.resolve("prod"));
    Path bad = write("prod/staging.cairn.yaml", "port: 9090\nbord-tick: 100ms\nfsync: sometimes\n");
    CliRun run = CliRun.run(Map.of(), dir, "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            bad + ":2:1: bord-tick: unknown setting (did you mean 'board-tick'?)",
            bad + ":3:8: fsync: expected one of always, interval, never, got 'sometimes'",
            "1 file of 1 invalid, 2 problems");
  }

  @Test
  void ignoresTheEnvironmentWhenValidatingAServerFile() throws IOException {
    Path good = write("cairn.yaml", "port: 9090\n");
    CliRun run = CliRun.run(Map.of("CAIRN_PORT", "not a port"), dir, "validate", good.toString());
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void withoutFilesIsAUsageError() {
    CliRun run = CliRun.run(Map.of(), dir, "validate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void recognisesServerFilesByNameOnly() {
    assertThat(ValidateCommand.isServerFile(Path.of("cairn.yaml"))).isTrue();
    assertThat(ValidateCommand.isServerFile(Path.of("conf/cairn.yml"))).isTrue();
    assertThat(ValidateCommand.isServerFile(Path.of("staging.cairn.yaml"))).isTrue();
    assertThat(ValidateCommand.isServerFile(Path.of("harbor-run.hunt.yaml"))).isFalse();
    assertThat(ValidateCommand.isServerFile(Path.of("mycairn.yaml"))).isFalse();
  }
}
