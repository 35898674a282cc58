package ai.revo.missioncontrol.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Drives the dashboard in Debian's headless Chromium (never a downloaded browser). Each test opens its own browser
 * contexts, which are isolated like separate browsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MC_CHROMIUM", "/usr/bin/chromium"));

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                    + " (apt-get install -y chromium, or set MC_CHROMIUM)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
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

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A fresh browser context signed in through the login form. */
    protected Page signIn(String email, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
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
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve(name + ".png"))
                    .setFullPage(true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
