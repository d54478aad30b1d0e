package io.cairn.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
  @TempDir Path dir;

  private static SnapshotStore.Writer state(String text, long number) {
    return out -> {
      out.writeUTF(text);
      out.writeLong(number);
    };
  }

  private static String textOf(SnapshotStore.Snapshot snapshot) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot.data()));
    String text = in.readUTF();
    in.readLong();
    assertThat(in.read()).as("nothing after the writer's data").isEqualTo(-1);
    return text;
  }

  @Test
  void hasNoSnapshotWhenNoneWasWritten() {
    assertThat(new SnapshotStore(dir.resolve("snapshots")).latest()).isEmpty();
  }

  @Test
  void returnsTheNewestSnapshotWithItsPositionAndData() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(100, state("first", 1));
    store.write(4096, state("second", 2));
    SnapshotStore.Snapshot latest = store.latest().orElseThrow();
    assertThat(latest.position()).isEqualTo(4096);
    assertThat(textOf(latest)).isEqualTo("second");
    assertThat(Files.exists(dir.resolve("00000000000000004096.snapshot"))).isTrue();
  }

  @Test
  void keepsOnlyTheNewestTwo() {
    SnapshotStore store = new SnapshotStore(dir);
    for (int i = 1; i <= 5; i++) {
      store.write(i * 1000L, state("s" + i, i));
    }
    assertThat(store.positions()).containsExactly(4000, 5000);
  }

  @Test
  void fallsBackToTheOlderSnapshotWhenTheNewestIsDamaged() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(1000, state("older", 1));
    store.write(2000, state("newer", 2));
    Path newest = store.path(2000);
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(newest, bytes);
    SnapshotStore.Snapshot latest = store.latest().orElseThrow();
    assertThat(latest.position()).isEqualTo(1000);
    assertThat(textOf(latest)).isEqualTo("older");
  }

  @Test
  void ignoresATruncatedSnapshotAndAnUnfinishedTemporaryFile() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(1000, state("good", 1));
    store.write(2000, state("cut", 2));
    Path newest = store.path(2000);
    byte[] bytes = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    Files.write(dir.resolve("00000000000000003000.snapshot.tmp"), new byte[] {1, 2, 3});
    assertThat(store.latest().orElseThrow().position()).isEqualTo(1000);
  }

  @Test
  void rejectsASnapshotRenamedToAnotherPosition() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(1000, state("good", 1));
    Files.copy(store.path(1000), store.path(5000));
    assertThat(store.latest().orElseThrow().position()).isEqualTo(1000);
  }

  @Test
  void leavesNoFileBehindWhenTheWriterFails() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(1000, state("good", 1));
    assertThatThrownBy(
            () ->
                store.write(
                    2000,
                    out -> {
                      out.writeInt(1);
                      throw new IOException("state not serialisable");
                    }))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("state not serialisable");
    assertThatThrownBy(
            () ->
                store.write(
                    3000,
                    out -> {
                      throw new IllegalStateException("bug in the state writer");
                    }))
        .isInstanceOf(IllegalStateException.class);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("00000000000000001000.snapshot");
    }
    assertThat(store.latest().orElseThrow().position()).isEqualTo(1000);
  }

  @Test
  void writesLargeStateThroughTheBufferedStream() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(
        77,
        out -> {
          for (int i = 0; i < 100_000; i++) {
            out.writeInt(i);
          }
        });
    SnapshotStore.Snapshot latest = store.latest().orElseThrow();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(latest.data()));
    for (int i = 0; i < 100_000; i++) {
      assertThat(in.readInt()).isEqualTo(i);
    }
  }
}
