package io.cairn.app;

import io.cairn.veltrix.Problem;
import io.cairn.veltrix.VeltrixException;
import java.io.PrintWriter;

/** Prints problems one per line, {@code file:line:col: key.path: message}, as editors expect. */
final class Problems {
  private Problems() {}

  static void print(PrintWriter err, VeltrixException e) {
    for (Problem p : e.problems()) {
      err.println(p.format());
    }
  }
}
