package io.cairn.engine;

import io.cairn.engine.egress.EgressHandler;
import io.cairn.engine.hunt.EngineContext;
import io.cairn.engine.hunt.HuntDirectory;
import io.cairn.engine.shard.Shard;
import io.cairn.engine.shard.ShardRecovery;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;

/**
 * The engine: N shards, each the single writer of the hunts hashed to it. Producers (the gateway,
 * the admin API, tests) encode a command, stamp its time, and {@link #offer} it to the hunt's
 * shard; replies and push events come back through the {@link EgressHandler} once durable.
 */
public final class Engine implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("cairn.engine");

  private final DataDirectory data;
  private final Shard[] shards;
  private final HuntDirectory directory;
  private final EpochClock clock;

  private Engine(DataDirectory data, Shard[] shards, HuntDirectory directory, EpochClock clock) {
    this.data = data;
    this.shards = shards;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Recovers every shard from the data directory and starts their threads. {@code egress} is called
   * from the shard threads, concurrently: it must be thread-safe.
   */
  public static Engine start(EngineConfig config, EgressHandler egress, EpochClock clock) {
    DataDirectory data = DataDirectory.open(config.dataDir(), config.shards());
    if (data.shards() != config.shards()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "data directory "
              + config.dataDir()
              + " was created with "
              + data.shards()
              + " shards; using "
              + data.shards()
              + " instead of the configured "
              + config.shards()
              + " (a hunt's journal stays in the shard that created it)");
    }
    HuntDirectory directory = new HuntDirectory();
    Shard[] shards = new Shard[data.shards()];
    byte[] secret = data.tokenSecret();
    try {
      for (int i = 0; i < shards.length; i++) {
        shards[i] =
            Shard.recover(i, config, data, new EngineContext(i, secret, directory), egress, clock);
      }
    } catch (RuntimeException e) {
      for (Shard shard : shards) {
        if (shard != null) {
          shard.close();
        }
      }
      throw e;
    }
    for (Shard shard : shards) {
      shard.start();
    }
    return new Engine(data, shards, directory, clock);
  }

  /** The shard that owns the hunt with this id: a pure function of the id and the shard count. */
  public int shardOf(CharSequence huntId) {
    return shardOf(huntId, shards.length);
  }

  /** {@code String.hashCode()} of the id, computed on any CharSequence without a copy. */
  public static int shardOf(CharSequence huntId, int shardCount) {
    int h = 0;
    for (int i = 0, n = huntId.length(); i < n; i++) {
      h = 31 * h + huntId.charAt(i);
    }
    return (h & 0x7fffffff) % shardCount;
  }

  /**
   * Queues an encoded command on a shard. False means OVERLOADED: the ring is full or the engine is
   * stopping. Thread-safe, never blocks.
   */
  public boolean offer(int shard, int op, DirectBuffer buffer, int offset, int length) {
    return shards[shard].offer(op, buffer, offset, length);
  }

  public int shardCount() {
    return shards.length;
  }

  public Shard shard(int index) {
    return shards[index];
  }

  public HuntDirectory directory() {
    return directory;
  }

  public EpochClock clock() {
    return clock;
  }

  public DataDirectory data() {
    return data;
  }

  public List<ShardRecovery> recovery() {
    List<ShardRecovery> reports = new ArrayList<>(shards.length);
    for (Shard shard : shards) {
      reports.add(shard.recovery());
    }
    return reports;
  }

  /** Whether every shard is running (none stopped after a journal failure). */
  public boolean healthy() {
    for (Shard shard : shards) {
      if (shard.failed()) {
        return false;
      }
    }
    return true;
  }

  /** Drains: stops taking commands, answers what is queued, flushes the journals. */
  @Override
  public void close() {
    for (Shard shard : shards) {
      shard.close();
    }
  }
}
