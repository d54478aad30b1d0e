/**
 * Server settings: the registry of every operator setting and its layers (built-in defaults, the
 * {@code cairn.yaml} server file, {@code CAIRN_*} environment variables, command-line flags),
 * resolved once at start into an immutable {@link io.cairn.veltrix.settings.ServerSettings}.
 */
package io.cairn.veltrix.settings;
