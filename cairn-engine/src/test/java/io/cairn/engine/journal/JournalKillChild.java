package io.cairn.engine.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child process of {@link JournalKillTest}: recovers the journal in {@code args[0]}, then appends
 * numbered records forever in random batches under ALWAYS, printing {@code ACK <records>} after
 * each flush returns, until it is killed.
 */
public final class JournalKillChild {
  private JournalKillChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    JournalConfig config = new JournalConfig(Path.of(args[0]), 16 * 1024, FsyncPolicy.ALWAYS, 0);
    JournalFixture.Collector collector = new JournalFixture.Collector();
    Journal journal = Journal.open(config, 0, collector);
    int next = collector.records.size();
    out.println("START " + next);
    out.flush();
    Random random = new Random(next);
    while (true) {
      int batch = 1 + random.nextInt(20);
      for (int k = 0; k < batch; k++) {
        JournalFixture.append(journal, next++);
      }
      journal.flush();
      out.println("ACK " + next);
      out.flush();
    }
  }
}
