package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a phone the player's position can come from the device's location instead of walking. */
class PlayerLocationTest {
  @RegisterExtension
  static final CairnBrowser cairn = CairnBrowser.withHunts("e2e.hunt.yaml").started();

  @Test
  void followsTheDevicesLocationAndClaimsWhereThePlayerStands() {
    BrowserContext context = cairn.newContext(Device.PHONE);
    context.grantPermissions(List.of("geolocation"));
    context.setGeolocation(new Geolocation(59.3260, 18.0725));
    Page page = context.newPage();
    page.navigate(cairn.url("/"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play Harbour Lights"))
        .click();
    page.getByLabel("Your name").fill("Fay");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the hunt")).click();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my location")).click();

    assertThat(page.locator("#position-text")).hasText("You are at 59.32600, 18.07250");
    assertThat(page.locator("#walk-status")).hasText("Following your location.");
    assertThat(page.locator("#walk-pad")).isHidden();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan for treasures"))
        .click();
    Locator boathouse = Players.treasure(page, "boathouse");
    assertThat(boathouse.locator(".distance")).hasText("0 m");
    boathouse.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim")).click();
    assertThat(boathouse.locator(".feedback")).containsText("Claimed! +150 points");
    cairn.screenshot(page, "claimed-by-location");
  }
}
