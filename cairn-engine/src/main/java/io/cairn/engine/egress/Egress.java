package io.cairn.engine.egress;

import io.cairn.engine.json.JsonWriter;
import java.util.Arrays;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * The shard's pending messages for the current batch: replies and events are written here while
 * commands are applied, and released by {@link #drainTo} only after the batch is durable. Messages
 * are kept back to back in one growable buffer with their routing in parallel arrays, so a batch
 * allocates nothing once the buffers have grown to the shard's usual batch size.
 *
 * <p>Write a message with {@link #begin}, the returned writer, then {@link #commit}. Single
 * threaded: the shard thread owns it.
 */
public final class Egress {
  private final ExpandableDirectByteBuffer buffer;
  private final JsonWriter writer = new JsonWriter();
  private int[] kinds;
  private long[] connectionIds;
  private int[] huntNumbers;
  private int[] teamIdxs;
  private int[] playerIdxs;
  private int[] offsets;
  private int[] lengths;
  private int count;
  private int limit;
  private boolean open;

  public Egress() {
    this(64 * 1024, 256);
  }

  public Egress(int initialBytes, int initialMessages) {
    buffer = new ExpandableDirectByteBuffer(initialBytes);
    kinds = new int[initialMessages];
    connectionIds = new long[initialMessages];
    huntNumbers = new int[initialMessages];
    teamIdxs = new int[initialMessages];
    playerIdxs = new int[initialMessages];
    offsets = new int[initialMessages];
    lengths = new int[initialMessages];
  }

  /** Starts a message and returns the writer to fill it; end it with {@link #commit}. */
  public JsonWriter begin(int kind, long connectionId, int huntNumber, int teamIdx, int playerIdx) {
    if (open) {
      throw new IllegalStateException("previous message not committed");
    }
    if (count == kinds.length) {
      grow();
    }
    kinds[count] = kind;
    connectionIds[count] = connectionId;
    huntNumbers[count] = huntNumber;
    teamIdxs[count] = teamIdx;
    playerIdxs[count] = playerIdx;
    offsets[count] = limit;
    open = true;
    return writer.wrap(buffer, limit);
  }

  /** The writer of the message being written. */
  public JsonWriter writer() {
    return writer;
  }

  /** Ends the message started by {@link #begin}. */
  public void commit() {
    if (!open) {
      throw new IllegalStateException("no message begun");
    }
    writer.flush();
    lengths[count] = writer.length();
    limit = writer.position();
    count++;
    open = false;
  }

  /** Drops the message started by {@link #begin}, as if it had never been begun. */
  public void abort() {
    open = false;
  }

  /** Hands every pending message to {@code handler}, in order, then clears. */
  public void drainTo(int shard, EgressHandler handler) {
    for (int i = 0; i < count; i++) {
      handler.onMessage(
          shard,
          kinds[i],
          connectionIds[i],
          huntNumbers[i],
          teamIdxs[i],
          playerIdxs[i],
          buffer,
          offsets[i],
          lengths[i]);
    }
    clear();
  }

  public void clear() {
    count = 0;
    limit = 0;
    open = false;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public int count() {
    return count;
  }

  /** The JSON of pending message {@code index} decoded to a String: for tests and logs. */
  public String messageText(int index) {
    return buffer.getStringWithoutLengthUtf8(offsets[index], lengths[index]);
  }

  public int kind(int index) {
    return kinds[index];
  }

  public long connectionId(int index) {
    return connectionIds[index];
  }

  public int teamIdx(int index) {
    return teamIdxs[index];
  }

  public int playerIdx(int index) {
    return playerIdxs[index];
  }

  public int huntNumber(int index) {
    return huntNumbers[index];
  }

  private void grow() {
    int n = kinds.length * 2;
    kinds = Arrays.copyOf(kinds, n);
    connectionIds = Arrays.copyOf(connectionIds, n);
    huntNumbers = Arrays.copyOf(huntNumbers, n);
    teamIdxs = Arrays.copyOf(teamIdxs, n);
    playerIdxs = Arrays.copyOf(playerIdxs, n);
    offsets = Arrays.copyOf(offsets, n);
    lengths = Arrays.copyOf(lengths, n);
  }
}
