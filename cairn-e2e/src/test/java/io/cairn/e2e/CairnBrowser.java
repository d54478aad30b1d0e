package io.cairn.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A browser test's world, registered with {@code @RegisterExtension static final CairnBrowser cairn
 * = CairnBrowser.withHunts("e2e.hunt.yaml").started();}: once per class a real Cairn server ({@link
 * InProcessServer}) with the hunts loaded through the admin API, and Debian's Chromium driven by
 * Playwright; per test fresh browser contexts ({@link #open}) that are closed afterwards.
 *
 * <p>Pages reach only the test server: every other request (map tiles, anything on the internet) is
 * aborted, so tests show how the pages behave offline. An uncaught error in a page fails the test.
 * Screenshots go to {@code target/screenshots/<Class.method>/<step>.png}.
 *
 * <p>Chromium is {@code /usr/bin/chromium} or {@code $CAIRN_CHROMIUM}; when it is missing the tests
 * fail saying how to install it. Playwright never downloads a browser.
 */
public final class CairnBrowser
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");
  private static final double WAIT_MS = 15_000;

  private final List<String> huntResources;
  private final Map<String, String> settings = new HashMap<>();
  private boolean startHunts;

  private InProcessServer server;
  private Organiser organiser;
  private Playwright playwright;
  private Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> pageErrors = new CopyOnWriteArrayList<>();
  private String testName = "setup";

  private CairnBrowser(List<String> huntResources) {
    this.huntResources = huntResources;
  }

  /** Loads these hunt files (test class path resources) into the server, unstarted. */
  public static CairnBrowser withHunts(String... resources) {
    return new CairnBrowser(List.of(resources));
  }

  /** Starts every loaded hunt before the first test. */
  public CairnBrowser started() {
    startHunts = true;
    return this;
  }

  /** A server setting for this class's server, as {@code --set name=value} would give it. */
  public CairnBrowser setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Path chromium = chromium();
    PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MS);
    server = InProcessServer.start(settings);
    organiser = new Organiser(server.baseUrl(), server.adminToken());
    for (String resource : huntResources) {
      String huntId = organiser.upload(resourceText(resource));
      if (startHunts) {
        organiser.start(huntId);
      }
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (browser != null) {
        browser.close();
      }
      if (playwright != null) {
        playwright.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String method = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + method
            + (display.startsWith(method + "(") ? "" : "-" + display);
    testName = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    pageErrors.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (BrowserContext c : contexts) {
      c.close();
    }
    contexts.clear();
    if (!pageErrors.isEmpty() && context.getExecutionException().isEmpty()) {
      throw new AssertionError("uncaught errors in the page: " + pageErrors);
    }
  }

  /** A fresh browser context (own storage, cookies) sized as {@code device}. */
  public BrowserContext newContext(Device device) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(device.widthPx, device.heightPx)
                .setHasTouch(device.touch)
                .setIsMobile(device.touch)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
    context.setDefaultTimeout(WAIT_MS);
    String local = server.baseUrl();
    context.route(notUnder(local), Route::abort);
    context.onPage(page -> page.onPageError(error -> pageErrors.add(page.url() + ": " + error)));
    contexts.add(context);
    return context;
  }

  /**
   * URLs not under {@code base}, as a regular expression the browser itself matches: a Java
   * predicate would make Playwright intercept every request, the server's own too, and one arriving
   * while a test closes its context fails a later test with {@code TargetClosedError}.
   */
  static Pattern notUnder(String base) {
    StringBuilder escaped = new StringBuilder();
    for (char c : base.toCharArray()) {
      if (".^$*+?()[]{}|\\/".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return Pattern.compile("^(?!" + escaped + ")");
  }

  /** A page in a fresh context sized as {@code device}, at {@code path} of the server. */
  public Page open(Device device, String path) {
    Page page = newContext(device).newPage();
    page.navigate(url(path));
    return page;
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<test>/<step>.png}. */
  public Path screenshot(Page page, String step) {
    Path file = screenshotDir().resolve(testName).resolve(step + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  public String url(String path) {
    return server.baseUrl() + path;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public String adminToken() {
    return server.adminToken();
  }

  public Organiser organiser() {
    return organiser;
  }

  /** The text of test class path resource {@code name}. */
  public static String resourceText(String name) {
    try (InputStream in = CairnBrowser.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test resource " + name, e);
    }
  }

  private static Path screenshotDir() {
    return Paths.get(System.getProperty("cairn.e2e.screenshots", "target/screenshots"));
  }

  /** Debian's Chromium, or the one {@code CAIRN_CHROMIUM} names; fails clearly when absent. */
  static Path chromium() {
    String configured = System.getenv("CAIRN_CHROMIUM");
    Path path =
        Paths.get(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "The browser tests need Chromium at "
              + path
              + (configured == null ? "" : " (from CAIRN_CHROMIUM)")
              + ", and there is none. Install Debian's: sudo apt-get install chromium"
              + " (or run bin/test, which installs it and runs the tests),"
              + " or point CAIRN_CHROMIUM at a Chromium or Chrome executable.");
    }
    return path;
  }
}
