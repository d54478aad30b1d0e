/** The single-writer engine: shards, hunt state, scoring, journal and recovery. */
package io.cairn.engine;
