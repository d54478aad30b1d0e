/**
 * Commands as bytes: the {@link io.cairn.engine.command.CommandLayout} shared by the shard queue
 * and the journal, with allocation-free flyweights to write ({@link
 * io.cairn.engine.command.CommandEncoder}) and read ({@link
 * io.cairn.engine.command.CommandDecoder}) them.
 */
package io.cairn.engine.command;
