package io.cairn.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organiser dashboard in Debian's Chromium against a real server: signing in, the hunt list,
 * the lifecycle from the page, a player's claim reaching the feed, board, chart and map live, an
 * announcement, a broken hunt file marked at its line, the health charts with data, and the
 * Benchmarks view with one run's report.
 */
class OrganiserDashboardTest {
  private static final String HUNT = "harbour-e2e";

  /** One finished bench run (its summary and a report with a chart) for the Benchmarks view. */
  private static final Path BENCH_DIR = benchRun();

  @RegisterExtension
  static final CairnBrowser cairn =
      CairnBrowser.withHunts("e2e.hunt.yaml").setting("bench-dir", BENCH_DIR.toString());

  private static Path benchRun() {
    try {
      Path dir = Files.createTempDirectory("cairn-e2e-bench-");
      Path run = Files.createDirectories(dir.resolve("nightly-1"));
      Files.writeString(
          run.resolve("summary.json"),
          """
          {"date": "2026-12-06T20:00:00Z", "target": "cairn", "command": "cairn bench",
           "players": {"connected": 1000}, "throughput": {"achievedPerS": 1999.5},
           "requests": {"errors": 0}, "latencyMs": {"all": {"p99": 4.25}},
           "server": {"allocatedBytesPerRequest": 383.0}}
          """);
      Files.writeString(
          run.resolve("report.html"),
          """
          <!DOCTYPE html><html><body><h1>Cairn bench: cairn</h1>
          <svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><g class="series"
          data-name="all"><polyline points="0,90 200,50 400,10" stroke="#1f77b4" fill="none"/></g>
          </svg></body></html>
          """);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Page signedIn() {
    Page page = cairn.open(Device.DESKTOP, "/admin");
    page.getByLabel("Admin token").fill(cairn.adminToken());
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    assertThat(page.locator("#hunt-table")).isVisible();
    return page;
  }

  @Test
  void refusesAWrongToken() {
    Page page = cairn.open(Device.DESKTOP, "/admin");
    page.getByLabel("Admin token").fill("not-the-token");
    page.locator("#sign-in-form button").click();

    assertThat(page.locator("#sign-in-error")).hasText("That is not this server's admin token.");
    assertThat(page.locator("#tabs")).isHidden();
    cairn.screenshot(page, "wrong-token");
  }

  @Test
  void runsAHuntAndWatchesAPlayerLive() throws Exception {
    Page page = signedIn();
    Locator row = page.locator("#hunt-table tr[data-hunt='" + HUNT + "']");
    assertThat(row.locator(".status")).hasText("scheduled");
    assertThat(row.locator(".players")).hasText("0");
    cairn.screenshot(page, "1-hunt-list");

    row.click();
    assertThat(page.locator("#stream-state")).hasText("live");
    page.locator("[data-action=start]").click();
    assertThat(page.locator("#hunt-status")).hasText("running");
    assertThat(page.locator("#feed li[data-ev=hunt]").first()).containsText("now running");

    try (ScriptedPlayer ada = ScriptedPlayer.connect(cairn.baseUrl())) {
      ada.ok(
          "join", ScriptedPlayer.args().put("hunt", HUNT).put("name", "Ada").put("team", "Gulls"));
      ada.ok("move", ScriptedPlayer.args().put("lat", 59.3260).put("lon", 18.0725));
      JsonNode claim = ada.ok("claim", ScriptedPlayer.args().put("treasure", "boathouse"));
      org.assertj.core.api.Assertions.assertThat(claim.get("points").asInt()).isEqualTo(150);

      assertThat(page.locator("#feed li[data-ev=claimed]").first())
          .containsText("Gulls claimed The Boathouse (first!)");
      assertThat(page.locator("#leaderboard li").first().locator(".team")).hasText("Gulls");
      assertThat(page.locator("#leaderboard li").first().locator(".score")).hasText("150");
      assertThat(page.locator("#map path.treasure.claimed")).hasCount(1);
      assertThat(page.locator("#map path.treasure")).hasCount(2);
      assertThat(page.locator("#map")).hasAttribute("data-positioned", "1");
      assertThat(page.locator("#map path.density")).hasCount(1);
      assertThat(page.locator("#score-chart .u-legend")).containsText("Gulls");
      assertThat(row.locator(".players")).hasText("1");
      cairn.screenshot(page, "2-claim-live");

      page.locator("#announce-text").fill("Tea at the lighthouse at four");
      page.locator("#announce-form button").click();
      org.assertj.core.api.Assertions.assertThat(ada.event("announce").get("message").asText())
          .isEqualTo("Tea at the lighthouse at four");
      assertThat(page.locator("#feed li[data-ev=announce]").first())
          .containsText("Tea at the lighthouse at four");

      page.locator("[data-action=pause]").click();
      assertThat(page.locator("#hunt-status")).hasText("paused");
      org.assertj.core.api.Assertions.assertThat(ada.event("hunt").get("status").asText())
          .isEqualTo("paused");
      page.locator("[data-action=end]").click();
      assertThat(page.locator("#hunt-status")).hasText("ended");
      assertThat(page.locator("[data-action=resume]")).isDisabled();
      cairn.screenshot(page, "3-ended");
    }

    page.reload();
    assertThat(page.locator("#stream-state")).hasText("live");
    assertThat(page.locator("#score-chart .u-legend")).containsText("Gulls");
    assertThat(page.locator("#leaderboard li").first().locator(".team")).hasText("Gulls");
    assertThat(page.locator("#feed li[data-ev=claimed]"))
        .containsText(new String[] {"Gulls claimed The Boathouse (first!)"});
    assertThat(page.locator("#feed li").first()).containsText("now ended");
    cairn.screenshot(page, "4-after-reload");
  }

  @Test
  void marksTheProblemsOfABrokenHuntFileAtTheirLines() {
    Page page = signedIn();
    String valid = CairnBrowser.resourceText("e2e.hunt.yaml");
    String broken = valid.replace("radius-m: 40\n", "radius-m: far\n");
    int line = lineOf(broken, "radius-m: far");
    page.locator("#tabs [data-tab=upload]").click();
    page.locator("#upload-text").fill(broken);
    page.locator("#validate-button").click();

    Locator marked = page.locator("#upload-listing li.problem");
    assertThat(marked).hasCount(1);
    assertThat(marked).hasId("problem-line-" + line);
    assertThat(marked.locator(".message")).containsText("line " + line);
    assertThat(page.locator("#upload-result")).containsText("1 problem");
    cairn.screenshot(page, "broken-file");

    page.locator("#upload-text").fill(valid.replace("harbour-e2e", "harbour-two"));
    page.locator("#upload-form button[type=submit]").click();
    assertThat(page.locator("#upload-result")).containsText("Hunt harbour-two loaded");
    assertThat(page.locator("#hunt-table tr[data-hunt='harbour-two']")).isVisible();
  }

  @Test
  void drawsTheServersHealthWithData() {
    Page page = signedIn();
    page.locator("#tabs [data-tab=health]").click();

    page.waitForFunction(
        "() => Number(document.getElementById('health-tab').dataset.samples) >= 3");
    for (String chart :
        new String[] {"h-connections", "h-requests", "h-latency", "h-gc", "h-heap", "h-fsync"}) {
      assertThat(page.locator("#" + chart + " canvas")).hasCount(1);
    }
    cairn.screenshot(page, "health");
  }

  @Test
  void listsTheBenchRunsAndShowsAReport() {
    Page page = signedIn();
    page.locator("#tabs [data-tab=bench]").click();

    Locator row = page.locator("#bench-table tr[data-run='nightly-1']");
    assertThat(row.locator(".achievedPerS")).hasText("2000");
    assertThat(row.locator(".p99Ms")).hasText("4.25");
    assertThat(row.locator(".alloc")).hasText("383");
    assertThat(page.locator("#bench-dir")).hasText(BENCH_DIR.toAbsolutePath().toString());
    row.click();

    assertThat(page.locator("#bench-report-title")).hasText("nightly-1");
    FrameLocator report = page.frameLocator("#bench-report");
    assertThat(report.locator("h1")).hasText("Cairn bench: cairn");
    assertThat(report.locator("g[data-name=all] polyline")).hasCount(1);
    cairn.screenshot(page, "benchmarks");
  }

  private static int lineOf(String text, String fragment) {
    int at = text.indexOf(fragment);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
