package io.cairn.app;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, passed in so every command runs in-process in
 * tests with its own output, environment and working directory.
 *
 * @param out normal output
 * @param err problems and diagnostics
 * @param env the process environment ({@code CAIRN_*} variables feed the settings)
 * @param workingDir where relative defaults such as {@code cairn.yaml} are looked up
 */
public record CliContext(
    PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir) {

  /** The real process: stdout, stderr, the environment and the current directory. */
  public static CliContext system() {
    Charset charset = System.out.charset();
    return new CliContext(
        new PrintWriter(System.out, true, charset),
        new PrintWriter(System.err, true, System.err.charset()),
        System.getenv(),
        Path.of(""));
  }
}
