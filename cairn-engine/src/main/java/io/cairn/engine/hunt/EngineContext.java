package io.cairn.engine.hunt;

/**
 * What a shard's state needs from outside: which shard it is, the secret that signs player tokens,
 * and the directory where it publishes its hunts for other threads.
 */
public record EngineContext(int shardIndex, byte[] tokenSecret, HuntDirectory directory) {}
