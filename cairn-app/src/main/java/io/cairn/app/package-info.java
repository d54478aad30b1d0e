/** The {@code cairn} command line. */
package io.cairn.app;
