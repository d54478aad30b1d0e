package io.cairn.load;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start another JVM of this application: the java binary, the JVM flags this process was
 * started with (the launcher's, minus heap, agents and flight recordings, which each child sets for
 * itself), the class path, and the {@code cairn} main class.
 *
 * @param java path of the java binary
 * @param jvmFlags flags every child gets
 * @param classPath the class path of this process
 * @param cairnMain main class of the {@code cairn} command line
 */
public record JavaCommand(String java, List<String> jvmFlags, String classPath, String cairnMain) {
  public JavaCommand {
    jvmFlags = List.copyOf(jvmFlags);
  }

  /** The flags of {@code inherited} a child may reuse as they are. */
  public static List<String> reusable(List<String> inherited) {
    List<String> flags = new ArrayList<>();
    for (String f : inherited) {
      if (f.startsWith("-Xms")
          || f.startsWith("-Xmx")
          || f.startsWith("-agentlib")
          || f.startsWith("-agentpath")
          || f.startsWith("-javaagent")
          || f.startsWith("-XX:StartFlightRecording")
          || f.startsWith("-Xlog")
          || f.startsWith("-XX:Use") && f.endsWith("GC")) {
        continue;
      }
      flags.add(f);
    }
    return flags;
  }

  /** {@code java FLAGS extra -cp CP mainClass args}. */
  List<String> command(List<String> extraFlags, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmFlags);
    cmd.addAll(extraFlags);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }
}
