package io.cairn.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression guard on the bytes the server allocates per request end to end. The measured value is
 * about 80 B with Netty's sampling leak detector on (as in tests) and 32 B without; before the
 * reply path lost its per-reply objects it was about 407 B. The bound is generous on purpose: it
 * catches a new per-request object graph, not a few bytes.
 */
class ReplyPathAllocationTest {
  @TempDir Path data;

  @Test
  void serverAllocatesLittlePerRequest() throws Exception {
    ReplyPathAllocation.Result r = ReplyPathAllocation.run(data, 20_000, 2, 10_000);
    assertThat(r.requests()).isEqualTo(20_000);
    assertThat(r.threads()).as("server threads found").isGreaterThanOrEqualTo(2);
    assertThat(r.bytesPerRequest())
        .as("bytes per request, by thread: %s", r.perThread())
        .isLessThan(200);
  }
}
