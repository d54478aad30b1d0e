/** JMH benchmarks of the player protocol's codec: requests in, replies and events out. */
package io.cairn.bench.codec;
