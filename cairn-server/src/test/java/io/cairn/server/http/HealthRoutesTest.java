package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final RouteChannel http = new RouteChannel(new HealthRoutes(ready::get, healthy::get));

  @Test
  void healthzAnswersAliveWithTypeAndLength() throws Exception {
    FullHttpResponse response = http.exchange(RouteChannel.get("/healthz"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).startsWith("application/json");
    assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH))
        .isEqualTo(response.content().readableBytes());
    assertThat(RouteChannel.body(response)).isEqualTo("{\"status\":\"alive\"}");
    assertThat(http.channel.isOpen()).isTrue();
  }

  @Test
  void readyzIs503WithReasonUntilReady() throws Exception {
    FullHttpResponse starting = http.exchange(RouteChannel.get("/readyz"));
    assertThat(starting.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
    assertThat(RouteChannel.body(starting)).contains("\"status\":\"not ready\"", "starting");

    ready.set(true);
    FullHttpResponse ok = http.exchange(RouteChannel.get("/readyz"));
    assertThat(ok.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(RouteChannel.body(ok)).isEqualTo("{\"status\":\"ready\"}");
  }

  @Test
  void readyzIs503WhenAShardFailed() throws Exception {
    ready.set(true);
    healthy.set(false);

    FullHttpResponse response = http.exchange(RouteChannel.get("/readyz"));

    assertThat(response.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
    assertThat(RouteChannel.body(response)).contains("journal failure");
  }

  @Test
  void closesTheConnectionWhenTheClientAsksTo() throws Exception {
    FullHttpRequest request = RouteChannel.get("/healthz");
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);

    FullHttpResponse response = http.exchange(request);

    assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    response.release();
    http.channel.runPendingTasks();
    assertThat(http.channel.isOpen()).isFalse();
  }

  @Test
  void leavesOtherPathsToOtherRoutes() throws Exception {
    assertThat(http.exchange(RouteChannel.get("/health")).status())
        .isEqualTo(HttpResponseStatus.NOT_FOUND);
  }
}
