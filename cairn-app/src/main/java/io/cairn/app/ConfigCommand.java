package io.cairn.app;

import io.cairn.veltrix.JsonText;
import io.cairn.veltrix.VeltrixException;
import io.cairn.veltrix.settings.Layer;
import io.cairn.veltrix.settings.ServerSettings;
import io.cairn.veltrix.settings.Setting;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cairn config}: the effective settings and the layer that set each, so an operator can see
 * why the server will do what it does before starting it.
 */
@Command(
    name = "config",
    description =
        "Print the effective settings and the layer (default, file, environment, flag) that set each.")
final class ConfigCommand implements Callable<Integer> {
  /** Printed instead of a secret's value. */
  static final String HIDDEN = "(hidden)";

  @ParentCommand Cairn parent;

  @Mixin GlobalOptions options;

  @Option(names = "--json", description = "print JSON for machines")
  boolean json;

  private final CliContext context;

  ConfigCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ServerSettings settings;
    try {
      settings = parent.global.then(options).load(context);
    } catch (VeltrixException e) {
      Problems.print(context.err(), e);
      return 1;
    }
    if (json) {
      printJson(settings, context.out());
    } else {
      printTable(settings, context.out());
    }
    return 0;
  }

  private static String shown(ServerSettings settings, Setting s) {
    String text = settings.valueText(s.key());
    if (s.secret() && !text.isEmpty()) {
      return HIDDEN;
    }
    return text.isEmpty() ? "\"\"" : text;
  }

  private static void printTable(ServerSettings settings, PrintWriter out) {
    int keyWidth = 0;
    int valueWidth = 0;
    int layerWidth = 0;
    for (Setting s : Setting.values()) {
      keyWidth = Math.max(keyWidth, s.key().length());
      valueWidth = Math.max(valueWidth, shown(settings, s).length());
      layerWidth = Math.max(layerWidth, settings.layerOf(s.key()).label().length());
    }
    for (Setting s : Setting.values()) {
      Layer layer = settings.layerOf(s.key());
      StringBuilder line = new StringBuilder(128);
      pad(line, s.key(), keyWidth + 2);
      pad(line, shown(settings, s), valueWidth + 2);
      if (layer == Layer.DEFAULT) {
        line.append(layer.label());
      } else {
        pad(line, layer.label(), layerWidth + 2);
        line.append(settings.sourceOf(s.key()));
      }
      out.println(line);
    }
  }

  private static void printJson(ServerSettings settings, PrintWriter out) {
    out.println("{");
    out.println(
        "  \"file\": "
            + settings.file().map(f -> JsonText.quote(f.toString())).orElse("null")
            + ",");
    out.println("  \"settings\": [");
    Setting[] all = Setting.values();
    for (int i = 0; i < all.length; i++) {
      Setting s = all[i];
      out.println(
          "    {\"key\": "
              + JsonText.quote(s.key())
              + ", \"type\": "
              + JsonText.quote(s.type().label())
              + ", \"value\": "
              + JsonText.quote(
                  s.secret() && !settings.valueText(s.key()).isEmpty()
                      ? HIDDEN
                      : settings.valueText(s.key()))
              + ", \"layer\": "
              + JsonText.quote(settings.layerOf(s.key()).label())
              + ", \"source\": "
              + JsonText.quote(settings.sourceOf(s.key()))
              + (i + 1 < all.length ? "}," : "}"));
    }
    out.println("  ]");
    out.println("}");
  }

  private static void pad(StringBuilder line, String text, int width) {
    line.append(text);
    for (int i = text.length(); i < width; i++) {
      line.append(' ');
    }
  }
}
