package io.cairn.veltrix.settings;

import java.util.Locale;

/**
 * Where a setting's effective value came from; each layer overrides the ones declared before it.
 */
public enum Layer {
  DEFAULT,
  FILE,
  ENVIRONMENT,
  FLAG;

  /** Lower-case name, as printed by {@code cairn config}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
