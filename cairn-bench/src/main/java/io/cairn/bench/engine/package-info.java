/** JMH benchmarks of the engine's apply path. */
package io.cairn.bench.engine;
