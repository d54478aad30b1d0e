package io.cairn.app;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in so every command runs in-process in
 * tests with its own output, environment, working directory and time.
 *
 * @param out normal output
 * @param err problems and diagnostics
 * @param env the process environment ({@code CAIRN_*} variables feed the settings)
 * @param workingDir where relative defaults such as {@code cairn.yaml} are looked up
 * @param clock wall-clock time, for commands that run the engine (a hunt's {@code starts-at} and
 *     {@code ends-at} are compared with it)
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path workingDir,
    InstantSource clock) {

  /** A context on the system clock. */
  public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir) {
    this(out, err, env, workingDir, InstantSource.system());
  }

  /** The real process: stdout, stderr, the environment, the current directory and clock. */
  public static CliContext system() {
    Charset charset = System.out.charset();
    return new CliContext(
        new PrintWriter(System.out, true, charset),
        new PrintWriter(System.err, true, System.err.charset()),
        System.getenv(),
        Path.of(""));
  }
}
