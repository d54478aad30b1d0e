package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** What a player does on the player client, as a person would: by labels and button names. */
final class Players {
  private Players() {}

  static Page join(CairnBrowser cairn, Device device, String title, String name, String team) {
    Page page = cairn.open(device, "/");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play " + title)).click();
    page.getByLabel("Your name").fill(name);
    page.getByLabel(Pattern.compile("^Team")).fill(team);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the hunt")).click();
    assertThat(page.locator("#connection")).hasText("Online");
    assertThat(page.locator("#hunt-title")).hasText(title);
    return page;
  }

  static Locator treasure(Page page, String id) {
    return page.locator("[data-treasure=" + id + "]");
  }

  static void guess(Locator puzzle, String answer) {
    puzzle.getByLabel("Your answer").fill(answer);
    puzzle.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Guess")).click();
  }
}
