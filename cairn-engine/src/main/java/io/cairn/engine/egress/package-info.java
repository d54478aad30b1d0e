/**
 * A shard's outgoing messages for the batch being applied, released to the gateway only once the
 * batch is durable.
 */
package io.cairn.engine.egress;
