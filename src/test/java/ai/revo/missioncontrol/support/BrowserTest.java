package ai.revo.missioncontrol.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Drives the dashboard in a headless Chromium: {@code MC_CHROMIUM}, else Debian's, else Playwright's own (see
 * {@link #chromium()}). Each test opens its own browser contexts, which are isolated like separate browsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends IntegrationTest {

    static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    /** Content-Security-Policy violations the pages of this test reported; any one fails the test. */
    protected final List<String> policyViolations = new CopyOnWriteArrayList<>();

    protected Playwright playwright;
    protected Browser browser;

    /**
     * The browser to drive: {@code MC_CHROMIUM} when set, else Debian's {@code /usr/bin/chromium} when present,
     * else none (Playwright then uses its own Chromium, downloaded once into its cache where the internet is
     * reachable).
     */
    static Path chromium() {
        String configured = System.getenv("MC_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("MC_CHROMIUM=" + configured + " is not an executable browser");
            }
            return path;
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }

    @BeforeAll
    void launchBrowser() {
        // a positive outcome is waited for up to 15 s instead of Playwright's 5: on a loaded 2-core host (a full
        // verify beside other builds) a page's htmx round trip took longer than 5 s and passing tests failed;
        // a passing assertion returns as soon as it holds, so this costs nothing when the machine is quiet
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Path chromium = chromium();
        playwright = chromium == null
                ? Playwright.create()
                : Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        if (chromium != null) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /**
     * Records every Content-Security-Policy violation a page of {@code context} reports (Chromium names the blocked
     * inline script, handler or eval on the console); {@link #noPolicyViolations()} fails the test on any.
     */
    protected BrowserContext watchPolicy(BrowserContext context) {
        context.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                policyViolations.add(m.location() + ": " + m.text());
            }
        });
        return context;
    }

    @AfterEach
    void noPolicyViolations() {
        List<String> seen = List.copyOf(policyViolations);
        policyViolations.clear();
        assertThat(seen).as("Content-Security-Policy violations").isEmpty();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A fresh browser context signed in through the login form. */
    protected Page signIn(String email, String password) {
        BrowserContext context =
                watchPolicy(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)));
        Page page = context.newPage();
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByTestId("sign-in").click();
        page.waitForURL(baseUrl() + "/");
        return page;
    }

    protected void screenshot(Page page, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            // finite CSS transitions (the sidebar's, after a viewport change) are run to their end first, so the
            // picture shows the layout a person sees rather than a frame of the animation
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve(name + ".png"))
                    .setFullPage(true)
                    .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
