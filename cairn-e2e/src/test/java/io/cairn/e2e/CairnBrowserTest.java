package io.cairn.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CairnBrowserTest {
  @Test
  void blocksEveryUrlButTheServersOwn() {
    Pattern blocked = CairnBrowser.notUnder("http://127.0.0.1:40123");

    assertThat(blocked.matcher("https://cdn.example.com/lib.js").find()).isTrue();
    assertThat(blocked.matcher("http://127.0.0.1:4012/").find()).isTrue();
    assertThat(blocked.matcher("http://127.0.0.1x40123/").find()).isTrue();
    assertThat(blocked.matcher("http://127.0.0.1:40123/admin").find()).isFalse();
    assertThat(blocked.matcher("http://127.0.0.1:40123").find()).isFalse();
  }
}
