/** Veltrix: hunt and server files parsed, validated and compiled into immutable snapshots. */
package io.cairn.veltrix;
