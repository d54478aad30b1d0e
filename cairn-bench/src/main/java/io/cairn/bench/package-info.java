/** JMH benchmarks of the engine, leaderboard, spatial index and journal. */
package io.cairn.bench;
