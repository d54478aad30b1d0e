package io.cairn.app;

import io.cairn.veltrix.HuntFiles;
import io.cairn.veltrix.HuntSnapshot;
import io.cairn.veltrix.Problem;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.Layer;
import io.cairn.veltrix.settings.ServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn validate FILE...}: checks hunt files and server files without starting anything,
 * printing every problem of every file, so an organiser fixes them all in one pass.
 */
@Command(
    name = "validate",
    description = {
      "Check hunt files (*.hunt.yaml) and server files (cairn.yaml) without starting anything.",
      "Prints OK per valid file and every problem of every invalid one (file:line:col: key: message)."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to check")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int invalid = 0;
    int problems = 0;
    for (Path file : files) {
      try {
        spec.commandLine().getOut().println("OK " + file + " (" + check(file) + ")");
      } catch (VeltrixException e) {
        invalid++;
        problems += e.problems().size();
        for (Problem p : e.problems()) {
          spec.commandLine().getErr().println(p.format());
        }
      }
    }
    if (invalid > 0) {
      spec.commandLine()
          .getErr()
          .println(
              plural(invalid, "file")
                  + " of "
                  + files.size()
                  + " invalid, "
                  + plural(problems, "problem"));
      return 1;
    }
    return 0;
  }

  /** Checks one file; returns what it holds, for the OK line. */
  private static String check(Path file) {
    if (isServerFile(file)) {
      ServerSettings settings = ServerSettings.load(Optional.of(file), Map.of(), Map.of());
      int set = 0;
      for (String key : settings.keys()) {
        if (settings.layerOf(key) == Layer.FILE) {
          set++;
        }
      }
      return "server file, " + plural(set, "setting");
    }
    HuntSnapshot hunt = HuntFiles.read(file);
    return plural(hunt.puzzleCount(), "puzzle") + ", " + plural(hunt.treasureCount(), "treasure");
  }

  /** {@code cairn.yaml}, {@code cairn.yml} or {@code *.cairn.yaml}; anything else is a hunt. */
  static boolean isServerFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    return n.equals("cairn.yaml")
        || n.equals("cairn.yml")
        || n.endsWith(".cairn.yaml")
        || n.endsWith(".cairn.yml");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
