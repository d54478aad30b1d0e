package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's handling of what later servers may send: rounds (a Cairn addition: {@code rounds} in
 * state, {@code round} on items, the {@code round} event) and events it does not know. The page
 * talks to the real server through a pass-through proxy (Playwright's WebSocket route) that adds
 * these to the server's messages, as a server with rounds would send them.
 */
class PlayerProtocolExtensionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final CairnBrowser cairn = CairnBrowser.withHunts("e2e.hunt.yaml").started();

  @Test
  void showsRoundsAndIgnoresUnknownEvents() {
    AtomicBoolean finaleOpen = new AtomicBoolean();
    AtomicReference<WebSocketRoute> toPage = new AtomicReference<>();
    BrowserContext context = cairn.newContext(Device.DESKTOP);
    context.routeWebSocket(
        Pattern.compile(".*/ws$"),
        page -> {
          WebSocketRoute server = page.connectToServer();
          page.onMessage(frame -> server.send(frame.text()));
          server.onMessage(frame -> page.send(withRounds(frame.text(), finaleOpen.get())));
          toPage.set(page);
        });
    Page page = context.newPage();
    page.navigate(cairn.url("/"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play Harbour Lights"))
        .click();
    page.getByLabel("Your name").fill("Eve");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the hunt")).click();

    assertThat(page.locator("#rounds")).hasText("Round 1 of 2: Warm-up · next: Finale");
    assertThat(page.locator("[data-puzzle=lighthouse] .round")).hasText("Warm-up");

    finaleOpen.set(true);
    toPage.get().send("{\"ev\":\"comet\",\"seq\":900,\"at\":1,\"tail\":[1,2,3]}");
    toPage
        .get()
        .send(
            "{\"ev\":\"round\",\"seq\":901,\"at\":1795315310800,\"round\":\"finale\","
                + "\"title\":\"Finale\",\"index\":1,\"puzzles\":[\"riddle\"],\"treasures\":[]}");

    assertThat(page.locator("#feed"))
        .containsText("Round 2, “Finale”, is open: 1 puzzle(s) and 0 treasure(s).");
    assertThat(page.locator("#rounds")).hasText("Round 2 of 2: Finale · the last round");
    Locator lighthouse = page.locator("[data-puzzle=lighthouse]");
    Players.guess(lighthouse, "fresnel");
    assertThat(lighthouse.locator(".guess-feedback")).hasText("Correct! +100 points");
    cairn.screenshot(page, "rounds");
  }

  /** A server message as a server with two rounds would send it. */
  private static String withRounds(String text, boolean finaleOpen) {
    try {
      JsonNode message = JSON.readTree(text);
      if (!(message.get("hunt") instanceof ObjectNode hunt) || !hunt.has("puzzles")) {
        return text;
      }
      ArrayNode rounds = hunt.putArray("rounds");
      rounds.addObject().put("id", "warm-up").put("title", "Warm-up").put("index", 0);
      ((ObjectNode) rounds.get(0)).putNull("opensAt").put("open", true);
      rounds.addObject().put("id", "finale").put("title", "Finale").put("index", 1);
      ((ObjectNode) rounds.get(1)).putNull("opensAt").put("open", finaleOpen);
      for (JsonNode puzzle : hunt.get("puzzles")) {
        ((ObjectNode) puzzle)
            .put("round", puzzle.get("id").asText().equals("riddle") ? "finale" : "warm-up");
      }
      return JSON.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
