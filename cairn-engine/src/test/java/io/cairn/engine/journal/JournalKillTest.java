package io.cairn.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child process appending under ALWAYS is killed with SIGKILL, again and again. */
class JournalKillTest {
  private static final int KILLS = 6;

  @TempDir Path dir;

  private static List<String> childCommand(Path journalDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-exports")
          || argument.startsWith("--sun-misc-unsafe-memory-access")
          || argument.startsWith("--enable-native-access")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(JournalKillChild.class.getName());
    command.add(journalDir.toString());
    return command;
  }

  @Test
  void losesNoAcknowledgedRecordWhenKilledWithSigkillMidLoad() throws Exception {
    Random random = new Random(11);
    Path journalDir = dir.resolve("journal");
    int acknowledged = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child =
          new ProcessBuilder(childCommand(journalDir))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int acksBeforeKill = 20 + random.nextInt(200);
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
        String start = lines.readLine();
        assertThat(start).as("child %d started", kill).startsWith("START ");
        assertThat(Integer.parseInt(start.substring(6)))
            .as("records recovered by the child after kill %d", kill)
            .isGreaterThanOrEqualTo(acknowledged);
        for (int ack = 0; ack < acksBeforeKill; ack++) {
          String line = lines.readLine();
          assertThat(line).as("child %d still acknowledging", kill).startsWith("ACK ");
          acknowledged = Integer.parseInt(line.substring(4));
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } catch (IOException | AssertionError e) {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw e;
      }

      JournalFixture.Collector recovered =
          JournalFixture.replay(new JournalConfig(journalDir, 16 * 1024, FsyncPolicy.ALWAYS, 0), 0);
      assertThat(recovered.records.size())
          .as("records after kill %d", kill)
          .isGreaterThanOrEqualTo(acknowledged);
      for (int i = 0; i < recovered.records.size(); i++) {
        assertThat(recovered.records.get(i).payload())
            .as("record %d after kill %d", i, kill)
            .isEqualTo(JournalFixture.payload(i));
      }
    }
  }
}
