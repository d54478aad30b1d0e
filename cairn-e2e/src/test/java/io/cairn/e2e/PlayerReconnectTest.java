package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server closes connections idle for 3 s here (the client pings every 20 s), so the page loses
 * its connection again and again: it must reconnect by itself, resume the same player with its
 * token, and go on playing.
 */
class PlayerReconnectTest {
  @RegisterExtension
  static final CairnBrowser cairn =
      CairnBrowser.withHunts("e2e.hunt.yaml").started().setting("idle-timeout", "3s");

  @Test
  void reconnectsAndResumesTheSamePlayer() {
    Page page = Players.join(cairn, Device.PHONE, "Harbour Lights", "Dee", "Owls");
    Locator lighthouse = page.locator("[data-puzzle=lighthouse]");
    Players.guess(lighthouse, "fresnel lens");
    assertThat(lighthouse.locator(".guess-feedback")).hasText("Correct! +100 points");

    assertThat(page.locator("#feed"))
        .containsText("Connection restored: you are back in the hunt.");
    assertThat(page.locator("#connection")).hasText("Online");
    // What the page shows now comes from the resumed join's state: the same player and team.
    assertThat(page.locator("#player-team")).hasText("team Owls");
    assertThat(lighthouse.locator(".badge")).hasText("Solved");
    assertThat(page.locator("#board-you")).hasText("Your team: rank #1, 100 points");
    cairn.screenshot(page, "reconnected");
  }
}
