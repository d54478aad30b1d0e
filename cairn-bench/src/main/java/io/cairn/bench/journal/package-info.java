/**
 * JMH benchmarks of the journal: durable append throughput with group commit, and recovery replay
 * speed.
 */
package io.cairn.bench.journal;
