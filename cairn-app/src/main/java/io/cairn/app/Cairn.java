package io.cairn.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The {@code cairn} command line. Each subcommand is one small class taking the {@link CliContext};
 * adding one means adding it to {@link #subcommands}.
 */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Cairn: a real-time treasure hunt engine.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Settings: built-in defaults < cairn.yaml < CAIRN_* variables < --set flags",
      "(see docs/operations.md). Exit: 0 ok, 1 invalid files or settings, 2 usage."
    })
public final class Cairn implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandLine.Model.CommandSpec spec;

  private final CliContext context;

  Cairn(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
  public static int run(CliContext context, String... args) {
    try {
      return commandLine(context).execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cl = new CommandLine(new Cairn(context));
    for (Object subcommand : subcommands(context)) {
      cl.addSubcommand(subcommand);
    }
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.setOut(context.out());
    cl.setErr(context.err());
    return cl;
  }

  private static List<Object> subcommands(CliContext context) {
    return List.of(
        new ValidateCommand(),
        new ConfigCommand(context),
        new SimulateCommand(context),
        new ServeCommand(context),
        new DemoCommand(context),
        new EchoCommand(context),
        new BenchCommand(context),
        new VersionCommand());
  }

  /** {@code cairn} alone: show what there is to run. */
  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return CommandLine.ExitCode.USAGE;
  }
}
