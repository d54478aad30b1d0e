package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @Test
  void configuredTokenWinsAndNoFileIsWritten(@TempDir Path dir) {
    AdminToken token = AdminToken.loadOrCreate(dir, "s3cret");

    assertThat(token.token()).isEqualTo("s3cret");
    assertThat(token.created()).isFalse();
    assertThat(dir.resolve(AdminToken.FILE)).doesNotExist();
  }

  @Test
  void generatesOnceKeepsOwnerOnlyAndReadsItBack(@TempDir Path dir) throws Exception {
    AdminToken first = AdminToken.loadOrCreate(dir, "");
    AdminToken second = AdminToken.loadOrCreate(dir, "");

    assertThat(first.created()).isTrue();
    assertThat(first.token()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(second.created()).isFalse();
    assertThat(second.token()).isEqualTo(first.token());
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("admin-token"))))
        .isEqualTo("rw-------");
    assertThat(first.toString()).doesNotContain(first.token());
  }

  @Test
  void matchesOnlyTheSameToken() {
    AdminToken token = new AdminToken("abc", false);

    assertThat(token.matches("abc")).isTrue();
    assertThat(token.matches("abd")).isFalse();
    assertThat(token.matches("ab")).isFalse();
    assertThat(token.matches("")).isFalse();
  }
}
