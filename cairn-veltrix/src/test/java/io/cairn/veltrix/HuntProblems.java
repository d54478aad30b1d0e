package io.cairn.veltrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;

/** Test helper: the problems a hunt file text is refused with. */
final class HuntProblems {
  static final String FILE = "test.hunt.yaml";

  private HuntProblems() {}

  static List<Problem> of(String yaml) {
    try {
      HuntFiles.compile(FILE, yaml);
    } catch (VeltrixException e) {
      return e.problems();
    }
    return fail("expected problems, but the file compiled:%n%s", yaml);
  }

  /** The single problem of {@code yaml}, asserting there is exactly one. */
  static Problem only(String yaml) {
    List<Problem> problems = of(yaml);
    assertThat(problems).as("problems of%n%s", yaml).hasSize(1);
    return problems.get(0);
  }

  /** Asserts where a problem is: 1-based line and column and its key path. */
  static void assertAt(Problem problem, int line, int column, String keyPath) {
    assertThat(problem.file()).isEqualTo(FILE);
    assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
    assertThat(problem.column()).as("column of %s", problem).isEqualTo(column);
    assertThat(problem.keyPath()).as("key path of %s", problem).isEqualTo(keyPath);
  }
}
