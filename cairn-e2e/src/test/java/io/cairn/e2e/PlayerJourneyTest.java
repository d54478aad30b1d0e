package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The player client end to end, in Chromium against a real server: one player joins, walks to a
 * treasure, scans and claims it, solves a puzzle after a partial answer and a hint, claims a
 * treasure with its code; a second player in another browser sees the claims and the board change
 * live; the organiser pauses and ends the hunt and both see it; a reload resumes the same player.
 * Run with the first player on a phone and the second on a desktop, then the other way.
 */
class PlayerJourneyTest {
  @RegisterExtension static final CairnBrowser cairn = CairnBrowser.withHunts();

  @ParameterizedTest(name = "{0}")
  @EnumSource(Device.class)
  void playsAHuntEndToEnd(Device device) {
    Device other = device == Device.PHONE ? Device.DESKTOP : Device.PHONE;
    String huntId = "harbour-" + device.name().toLowerCase(java.util.Locale.ROOT);
    String title = "Harbour Lights " + device.name();
    cairn
        .organiser()
        .upload(
            CairnBrowser.resourceText("e2e.hunt.yaml")
                .replace("id: harbour-e2e", "id: " + huntId)
                .replace("title: Harbour Lights", "title: " + title));
    cairn.organiser().start(huntId);

    Page bea = Players.join(cairn, other, title, "Bea", "");
    Page ada = Players.join(cairn, device, title, "Ada", "Gulls");
    cairn.screenshot(ada, "01-joined");
    assertThat(ada.locator("#player-name")).hasText("Ada");
    assertThat(ada.locator("#player-team")).hasText("team Gulls");
    assertThat(ada.locator("#map-note")).containsText("Map tiles cannot be loaded");

    // Position, scan, walk to the Boathouse and claim it (no code needed).
    ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start at the map's centre"))
        .click();
    assertThat(ada.locator("#position-text")).containsText("You are at 59.32");
    ada.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan for treasures"))
        .click();
    Locator boathouse = Players.treasure(ada, "boathouse");
    assertThat(boathouse).containsText("The Boathouse");
    boathouse
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Walk here"))
        .click();
    assertThat(boathouse.locator(".distance")).hasText("0 m");
    cairn.screenshot(ada, "02-at-the-boathouse");
    boathouse.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim")).click();
    assertThat(boathouse.locator(".feedback"))
        .hasText("Claimed! +150 points (first team to find it)");
    assertThat(ada.locator("#board-you")).hasText("Your team: rank #1, 150 points");

    // The other player sees the claim and the board change, live.
    assertThat(bea.locator("#feed")).containsText("Gulls claimed The Boathouse first.");
    assertThat(bea.locator("#board li").first()).containsText("Gulls");
    assertThat(bea.locator("#board li").first()).containsText("150");
    assertThat(bea.locator("#board li.mine")).containsText("Bea");
    cairn.screenshot(bea, "03-other-player-sees-the-claim");

    // A puzzle: a partial answer first, then a hint, then the answer.
    Locator lighthouse = ada.locator("[data-puzzle=lighthouse]");
    Players.guess(lighthouse, "lens");
    assertThat(lighthouse.locator(".guess-feedback")).hasText("Keep going: Which kind of lens?");
    lighthouse
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Get a hint"))
        .click();
    assertThat(lighthouse.locator(".hints")).containsText("Think of a French physicist.");
    assertThat(ada.locator("#board-you")).containsText("130 points");
    cairn.screenshot(ada, "04-partial-answer-and-hint");
    Players.guess(lighthouse, "Fresnel");
    assertThat(lighthouse.locator(".guess-feedback")).hasText("Correct! +100 points");
    assertThat(lighthouse.locator(".badge")).hasText("Solved");
    assertThat(ada.locator("[data-puzzle=riddle]")).containsText("What holds a ship in place?");
    assertThat(ada.locator("#feed")).containsText("A new treasure is on the map for your team");
    assertThat(bea.locator("#feed")).containsText("Gulls solved “Light the way”.");

    // The treasure the puzzle revealed needs its code.
    Locator anchor = Players.treasure(ada, "old-anchor");
    anchor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Walk here")).click();
    assertThat(anchor.locator(".distance")).hasText("0 m");
    anchor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim")).click();
    assertThat(anchor.locator(".feedback")).hasText("This treasure needs its claim code.");
    anchor.getByLabel("Claim code (if the place shows one)").fill("ANCHOR-7731");
    anchor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Claim")).click();
    assertThat(anchor.locator(".feedback")).containsText("Claimed! +250 points");
    assertThat(ada.locator("#board-you")).hasText("Your team: rank #1, 480 points");
    assertThat(bea.locator("#board li").first()).containsText("Gulls");
    assertThat(bea.locator("#board li").first()).containsText("480");
    cairn.screenshot(ada, "05-claimed-with-code");
    cairn.screenshot(bea, "05-other-player-board");

    // Arrow keys walk when the map has focus.
    String before = ada.locator("#position-text").textContent();
    ada.locator("#map").focus();
    ada.keyboard().press("ArrowUp");
    assertThat(ada.locator("#position-text")).not().hasText(before);
    assertThat(ada.locator("#walk-status")).isEmpty();
    String afterStep = ada.locator("#position-text").textContent();

    // The organiser pauses: both players see it, and guesses are refused with a clear message.
    cairn.organiser().pause(huntId);
    for (Page page : new Page[] {ada, bea}) {
      assertThat(page.locator("#status-banner")).containsText("paused by the organiser");
    }
    Locator riddle = ada.locator("[data-puzzle=riddle]");
    Players.guess(riddle, "anchor");
    assertThat(riddle.locator(".guess-feedback"))
        .hasText("The hunt is paused: try again when the organiser resumes it.");
    cairn.screenshot(ada, "06-paused");

    // A reload resumes the same player, with the team's progress.
    ada.reload();
    assertThat(ada.locator("#player-name")).hasText("Ada");
    assertThat(ada.locator("#board-you")).hasText("Your team: rank #1, 480 points");
    assertThat(ada.locator("[data-puzzle=lighthouse] .badge")).hasText("Solved");
    assertThat(ada.locator("[data-puzzle=lighthouse] .hints"))
        .containsText("Think of a French physicist.");
    assertThat(ada.locator("#status-banner")).containsText("paused");
    assertThat(ada.locator("#position-text")).hasText(afterStep);
    assertThat(Players.treasure(ada, "old-anchor")).containsText("Claimed by your team");
    cairn.screenshot(ada, "07-resumed-after-reload");

    cairn.organiser().resume(huntId);
    assertThat(ada.locator("#status-banner")).isHidden();
    cairn.organiser().end(huntId);
    for (Page page : new Page[] {ada, bea}) {
      assertThat(page.locator("#status-banner")).containsText("The hunt has ended");
      assertThat(page.locator("#feed")).containsText("The hunt has ended.");
    }
    cairn.screenshot(ada, "08-ended");
    cairn.screenshot(bea, "08-ended-other-player");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Device.class)
  void rateLimitedGuessesCountDown(Device device) {
    String huntId = "limited-" + device.name().toLowerCase(java.util.Locale.ROOT);
    String title = "Limited " + device.name();
    cairn
        .organiser()
        .upload(
            CairnBrowser.resourceText("e2e.hunt.yaml")
                .replace("id: harbour-e2e", "id: " + huntId)
                .replace("title: Harbour Lights", "title: " + title)
                .replace("guesses-per-minute: 30", "guesses-per-minute: 1"));
    cairn.organiser().start(huntId);
    Page page = Players.join(cairn, device, title, "Cy", "");
    Locator lighthouse = page.locator("[data-puzzle=lighthouse]");

    Players.guess(lighthouse, "candle");
    assertThat(lighthouse.locator(".guess-feedback"))
        .hasText("“candle” is not the answer. Try again.");
    Players.guess(lighthouse, "torch");

    assertThat(lighthouse.locator(".guess-feedback"))
        .hasText(Pattern.compile("Too many tries: try again in \\d+ s"));
    assertThat(
            lighthouse.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Guess")))
        .isDisabled();
    cairn.screenshot(page, "rate-limited");
  }
}
