package io.cairn.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line, with what it printed and its exit code. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Map<String, String> env, Path workingDir, String... args) {
    return run(InstantSource.system(), env, workingDir, args);
  }

  /** A run whose wall clock is {@code clock}, for commands that compare hunt times with now. */
  static CliRun run(InstantSource clock, Map<String, String> env, Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(new PrintWriter(out), new PrintWriter(err), env, workingDir, clock);
    int code = Cairn.run(context, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
