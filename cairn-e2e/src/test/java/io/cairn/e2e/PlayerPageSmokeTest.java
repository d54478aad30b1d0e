package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
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
  void bundledLibrariesLoadWithoutNetwork() {
    Page page = cairn.open(Device.DESKTOP, "/");
    page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/assets/vendor/leaflet/leaflet.js"));

    assertThat(page.locator("html")).isVisible();
    org.assertj.core.api.Assertions.assertThat(page.evaluate("() => typeof L.map"))
        .isEqualTo("function");
  }
}
