package io.cairn.veltrix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the problems of one file so that all of them are reported together; positions come from
 * the parser's 0-based marks and are stored 1-based.
 */
final class Problems {
  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void at(Node node, String keyPath, String message) {
    if (node.getStartMark().isPresent()) {
      Mark mark = node.getStartMark().get();
      at(mark.getLine() + 1, mark.getColumn() + 1, keyPath, message);
    } else {
      at(0, 0, keyPath, message);
    }
  }

  void at(int line, int column, String keyPath, String message) {
    problems.add(new Problem(file, line, column, keyPath, message));
  }

  /** How many problems were reported so far, so that a reader can tell whether a value failed. */
  int count() {
    return problems.size();
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws one exception listing every problem in file order, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new VeltrixException(sorted);
    }
  }
}
