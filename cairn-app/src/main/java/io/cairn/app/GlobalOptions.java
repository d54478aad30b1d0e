package io.cairn.app;

import io.cairn.veltrix.settings.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The server file and the flag layer of the settings. Mixed into the top-level command and into
 * each command that reads settings, so they may be given before or after the command's name; the
 * ones after it win ({@link #then}).
 */
final class GlobalOptions {
  /** Read when no {@code --config} is given and it exists in the working directory. */
  static final String DEFAULT_SERVER_FILE = "cairn.yaml";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "server file (default: ./cairn.yaml when it exists)")
  Optional<Path> config = Optional.empty();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "set a setting, overriding cairn.yaml and CAIRN_* variables (repeatable)")
  Map<String, String> flags = new LinkedHashMap<>();

  /** These options followed by {@code later} ones, which override them. */
  GlobalOptions then(GlobalOptions later) {
    GlobalOptions merged = new GlobalOptions();
    merged.config = later.config.or(() -> config);
    merged.flags.putAll(flags);
    merged.flags.putAll(later.flags);
    return merged;
  }

  /** Resolves the settings from every layer; throws VeltrixException listing every problem. */
  ServerSettings load(CliContext context) {
    return ServerSettings.load(serverFile(context), context.env(), flags);
  }

  private Optional<Path> serverFile(CliContext context) {
    if (config.isPresent()) {
      return config;
    }
    Path implicit = context.workingDir().resolve(DEFAULT_SERVER_FILE);
    return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
  }
}
