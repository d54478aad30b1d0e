package io.cairn.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn version}: Cairn's version and the Java it runs on, for bug reports. */
@Command(name = "version", description = "Print Cairn's version and the Java runtime it runs on.")
final class VersionCommand implements Callable<Integer> {
  private static final String RESOURCE = "/io/cairn/app/version.properties";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (String line : lines()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  /** The version written into the jar at build time from the Maven project version. */
  static String cairnVersion() {
    try (InputStream in = VersionCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] lines() {
    return new String[] {
      "cairn " + cairnVersion(),
      "java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vm.vendor")
          + ", "
          + System.getProperty("java.vm.name")
          + ")",
      "heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max, gc " + collectors(),
      "os " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }

  private static String collectors() {
    StringBuilder names = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.append(names.isEmpty() ? "" : ", ").append(gc.getName());
    }
    return names.toString();
  }

  /** Lets {@code cairn --version} print the same as {@code cairn version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines();
    }
  }
}
