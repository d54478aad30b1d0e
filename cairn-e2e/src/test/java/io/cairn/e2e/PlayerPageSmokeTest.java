package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The player page loads in a real browser and lists the server's hunts from the catalog. */
class PlayerPageSmokeTest {
  @RegisterExtension
  static final CairnBrowser cairn = CairnBrowser.withHunts("e2e.hunt.yaml").started();

  @ParameterizedTest(name = "{0}")
  @EnumSource(Device.class)
  void showsTheCatalog(Device device) {
    Page page = cairn.open(device, "/");

    assertThat(page.getByText("Harbour Lights")).isVisible();
    cairn.screenshot(page, "catalog");
  }

  @Test
  void joinsWithTheKeyboardAlone() {
    Page page = cairn.open(Device.DESKTOP, "/");
    assertThat(page.getByText("Harbour Lights")).isVisible();

    page.keyboard().press("Tab"); // the skip link
    page.keyboard().press("Tab"); // Cairn
    page.keyboard().press("Tab"); // Play Harbour Lights
    page.keyboard().press("Enter");
    page.keyboard().type("Kim");
    page.keyboard().press("Enter");

    assertThat(page.locator("#player-name")).hasText("Kim");
    assertThat(page.locator("#me-heading")).isFocused();
  }

  @Test
  void leavesAndJoinsAgainAsANewPlayer() {
    Page page = Players.join(cairn, Device.DESKTOP, "Harbour Lights", "Lee", "");
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start at the map's centre"))
        .click();
    assertThat(page.locator("#position-text")).containsText("You are at");
    page.onDialog(dialog -> dialog.accept());

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave this hunt")).click();
    assertThat(page.locator("#catalog-heading")).isFocused();
    page.reload();
    assertThat(page.locator("#catalog-heading")).isVisible();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play Harbour Lights"))
        .click();
    page.getByLabel("Your name").fill("Lee");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the hunt")).click();

    assertThat(page.locator("#player-name")).hasText("Lee");
    assertThat(page.locator("#player-team")).hasText("playing alone");
    assertThat(page.locator("#board li.mine")).containsText("Lee #2");
    assertThat(page.locator("#position-text")).hasText("Your position is not set yet.");
    page.getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start at the map's centre"))
        .click();
    assertThat(page.locator("#position-text")).containsText("You are at");
    String before = page.locator("#position-text").textContent();
    page.locator("#map").focus();
    page.keyboard().press("ArrowRight");
    assertThat(page.locator("#position-text")).not().hasText(before);
    assertThat(page.locator("#walk-status")).isEmpty();
  }

  @Test
  void bundledLibrariesLoadWithoutNetwork() {
    Page page = cairn.open(Device.DESKTOP, "/");
    page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/assets/vendor/leaflet/leaflet.js"));

    assertThat(page.locator("html")).isVisible();
    org.assertj.core.api.Assertions.assertThat(page.evaluate("() => typeof L.map"))
        .isEqualTo("function");
  }
}
