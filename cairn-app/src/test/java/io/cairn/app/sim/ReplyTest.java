package io.cairn.app.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyTest {
  @Test
  void readsASuccessfulReplyWithNestedObjectsAndArrays() {
    Reply reply =
        Reply.parse(
            "{\"re\":11,\"ok\":true,\"top\":[{\"rank\":1,\"team\":\"Ada \\\"A\\\" \\u00e9\","
                + "\"score\":330},{\"rank\":2,\"team\":\"Bo\",\"score\":-20}],"
                + "\"you\":{\"rank\":1,\"score\":330},\"endsAt\":null}");
    assertThat(reply.ok()).isTrue();
    assertThat(reply.errorCode()).isEmpty();
    assertThat(reply.objects("top")).hasSize(2);
    assertThat(reply.objects("top").getFirst().string("team")).isEqualTo("Ada \"A\" é");
    assertThat(reply.objects("top").get(1).number("score", 0)).isEqualTo(-20);
    assertThat(reply.object("you").number("rank", 0)).isEqualTo(1);
    assertThat(reply.string("endsAt")).isEmpty();
    assertThat(reply.objects("missing")).isEmpty();
  }

  @Test
  void readsTheCodeAndFactsOfAFailure() {
    Reply reply =
        Reply.parse(
            "{\"re\":9,\"ok\":false,\"error\":{\"code\":\"TOO_FAR\",\"message\":\"too far\"},"
                + "\"distanceM\":41.5,\"allowedM\":25.0}");
    assertThat(reply.ok()).isFalse();
    assertThat(reply.errorCode()).isEqualTo("TOO_FAR");
    assertThat(reply.number("distanceM", -1)).isEqualTo(41.5);
    assertThat(reply.number("retryAfterMs", -1)).isEqualTo(-1);
  }

  @Test
  void namesAPushEvent() {
    Reply event =
        Reply.parse(
            "{\"ev\":\"claimed\",\"seq\":10,\"at\":1795314710838,\"treasure\":\"old-anchor\","
                + "\"team\":\"Ada\",\"first\":true}");
    assertThat(event.event()).isEqualTo("claimed");
    assertThat(event.bool("first")).isTrue();
    assertThat(event.number("at", 0)).isEqualTo(1795314710838.0);
  }

  @Test
  void rejectsWhatIsNotOneObject() {
    assertThatThrownBy(() -> Reply.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Reply.parse("{\"ok\":true} x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Reply.parse("{\"ok\":tru}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
