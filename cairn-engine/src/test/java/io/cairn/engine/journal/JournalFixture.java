package io.cairn.engine.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Deterministic records for journal tests, and a handler that collects what recovery replays. */
final class JournalFixture {
  private JournalFixture() {}

  record Replayed(long position, int type, byte[] payload) {}

  /** Collects copies of replayed records (the buffer is only valid during the call). */
  static final class Collector implements RecordHandler {
    final List<Replayed> records = new ArrayList<>();
    RecoveryReport report;

    @Override
    public void onRecord(long position, int type, DirectBuffer buffer, int offset, int length) {
      byte[] payload = new byte[length];
      buffer.getBytes(offset, payload);
      records.add(new Replayed(position, type, payload));
    }
  }

  /** Payload of record {@code i}: its index in text, then filler up to a length that varies. */
  static byte[] payload(int i) {
    byte[] text = ("record-" + i + ":").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[text.length + (i * 7) % 61];
    System.arraycopy(text, 0, payload, 0, text.length);
    for (int j = text.length; j < payload.length; j++) {
      payload[j] = (byte) (i + j);
    }
    return payload;
  }

  /** Opens the journal, collects what recovery replays, and closes it again. */
  static Collector replay(JournalConfig config, long fromPosition) {
    Collector collector = new Collector();
    Journal journal = Journal.open(config, fromPosition, collector);
    collector.report = journal.recovery();
    journal.close();
    return collector;
  }

  static int type(int i) {
    return 1 + i % 5;
  }

  /** Appends record {@code i}; returns its position. */
  static long append(Journal journal, int i) {
    long position = journal.position();
    byte[] payload = payload(i);
    journal.append(type(i), new UnsafeBuffer(payload), 0, payload.length);
    return position;
  }

  static JournalConfig config(java.nio.file.Path dir, long segmentBytes, FsyncPolicy fsync) {
    return new JournalConfig(dir, segmentBytes, fsync, 0);
  }
}
