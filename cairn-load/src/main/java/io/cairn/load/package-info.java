/**
 * The load generator behind {@code cairn bench}: a {@link io.cairn.load.BenchRun} coordinator that
 * starts the target ({@code cairn serve} or {@code cairn echo}) and {@link
 * io.cairn.load.LoadWorker} client processes, each holding up to a few thousand real WebSocket
 * connections from its own loopback address, and merges what they measured.
 */
package io.cairn.load;
