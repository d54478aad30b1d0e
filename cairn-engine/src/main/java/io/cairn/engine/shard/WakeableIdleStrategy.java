package io.cairn.engine.shard;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * A shard's idle strategy: spin and yield briefly, then park until a producer wakes it or a short
 * timeout passes. Agrona's backoff parks for at most 100 us again and again, which on two cores
 * kept an idle shard waking 10,000 times a second (a quarter of the server's CPU samples in a
 * profile); here a producer that finds the shard asleep unparks it, so commands wait no longer
 * while an idle shard wakes only for its timers.
 *
 * <p>The sleep flag and the ring form a Dekker pair: the shard raises the flag, then looks at the
 * ring once more before parking; a producer writes to the ring, then reads the flag. Both are
 * sequentially consistent (a volatile field, the ring's CAS), so a command is either seen by the
 * shard's last look or its producer sees the flag and unparks.
 */
final class WakeableIdleStrategy implements IdleStrategy {
  private static final int SPINS = 100;
  private static final int YIELDS = 10;

  private final IntSupplier pendingBytes;
  private final long maxParkNs;
  private volatile boolean sleeping;
  private volatile Thread thread;
  private int idleRounds;

  /**
   * @param pendingBytes what is queued for the shard, read just before it parks
   * @param maxParkNs longest sleep: bounds how late the shard's own timers (board ticks, snapshots)
   *     can run when no command arrives
   */
  WakeableIdleStrategy(IntSupplier pendingBytes, long maxParkNs) {
    if (maxParkNs <= 0) {
      throw new IllegalArgumentException("maxParkNs must be positive, not " + maxParkNs);
    }
    this.pendingBytes = pendingBytes;
    this.maxParkNs = maxParkNs;
  }

  @Override
  public void idle(int workCount) {
    if (workCount > 0) {
      idleRounds = 0;
    } else {
      idle();
    }
  }

  @Override
  public void idle() {
    if (idleRounds < SPINS) {
      idleRounds++;
      Thread.onSpinWait();
    } else if (idleRounds < SPINS + YIELDS) {
      idleRounds++;
      Thread.yield();
    } else {
      park();
    }
  }

  private void park() {
    if (thread == null) {
      thread = Thread.currentThread();
    }
    sleeping = true;
    if (pendingBytes.getAsInt() == 0) {
      LockSupport.parkNanos(this, maxParkNs);
    }
    sleeping = false;
  }

  /** Whether the shard is parked or about to park. */
  boolean sleeping() {
    return sleeping;
  }

  /** Called by a producer after it queued a command: unparks the shard if it sleeps. */
  void wake() {
    if (sleeping) {
      Thread sleeper = thread;
      if (sleeper != null) {
        LockSupport.unpark(sleeper);
      }
    }
  }

  @Override
  public void reset() {
    idleRounds = 0;
  }

  @Override
  public String alias() {
    return "wakeable";
  }
}
