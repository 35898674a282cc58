package ai.revo.missioncontrol.whatsapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Simulator page in Chromium, without a model (template mode): it says up front that no model is configured,
 * a session is started for a campaign, each typed message shows the real pipeline's outcome (the safety check, and
 * the plain "no language model" reason instead of a reply; a STOP stopped by the safety check), the session is
 * listed, kept out of the WhatsApp inbox, and deleted. Screenshots at 390, 1440 and 1920 px.
 */
class WhatsAppSimulatorBrowserTest extends BrowserTest {

    static final LocatorAssertions.HasAttributeOptions SLOW =
            new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    static final LocatorAssertions.HasCountOptions SLOW_COUNT =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);
    static final LocatorAssertions.IsVisibleOptions SLOW_VISIBLE =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    @Test
    void aSessionShowsWhatTheRealPipelineDidAndSaysPlainlyThatNoModelAnswers() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String name = "Rings " + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/campaigns", t, Map.of("name", name)).expect(201);

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        // in the sidebar next to the WhatsApp inbox
        assertThat(page.getByTestId("main-nav").locator("a[data-path='/whatsapp/simulator']"))
                .containsText("Simulator");
        page.navigate(baseUrl() + "/whatsapp/simulator");
        assertThat(page.getByTestId("sim-no-model")).containsText("No language model is configured");
        assertThat(page.getByTestId("sim-empty")).isVisible();
        assertThat(page.getByTestId("sim-none-open")).isVisible();

        page.getByTestId("sim-campaign")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(name));
        page.getByTestId("sim-start").click();
        assertThat(page.getByTestId("sim-chat")).isVisible(SLOW_VISIBLE);
        assertThat(page.getByTestId("sim-title")).hasText(name);
        assertThat(page.getByTestId("sim-transcript-empty")).isVisible();
        assertThat(page.getByTestId("sim-session")).hasCount(1);

        page.getByTestId("sim-text").fill("Do you have the ring in gold?");
        page.getByTestId("sim-send").click();
        assertThat(page.getByTestId("sim-message")).hasCount(1, SLOW_COUNT);
        assertThat(page.getByTestId("sim-message-text").first()).hasText("Do you have the ring in gold?");
        // what the responder recorded: no model, so no reply, and it says so (never a made-up answer)
        assertThat(page.getByTestId("sim-pipeline").first()).hasAttribute("data-ai-status", "NOT_WRITTEN", SLOW);
        assertThat(page.getByTestId("sim-pipeline").first()).hasAttribute("data-safety", "PASSED");
        assertThat(page.getByTestId("sim-pipeline").first().getByTestId("sim-ai-reason"))
                .containsText("no language model is configured");
        assertThat(page.getByTestId("sim-draft")).hasCount(0);
        assertThat(page.getByTestId("sim-text")).hasValue("");

        // Enter sends; a stop word is caught by the safety check and changes nobody
        page.getByTestId("sim-text").fill("STOP writing to me");
        page.getByTestId("sim-text").press("Enter");
        assertThat(page.getByTestId("sim-pipeline")).hasCount(2, SLOW_COUNT);
        assertThat(page.getByTestId("sim-pipeline").nth(1)).hasAttribute("data-safety", "STOPPED");
        assertThat(page.getByTestId("sim-pipeline").nth(1)).hasAttribute("data-ai-status", "NOT_WRITTEN", SLOW);
        assertThat(page.getByTestId("sim-pipeline").nth(1).getByTestId("sim-safety"))
                .containsText("STOP");
        assertThat(page.getByTestId("sim-pipeline").nth(1).getByTestId("sim-ai-reason"))
                .containsText("safety check");
        screenshot(page, "simulator-1440");
        page.setViewportSize(1920, 1080);
        screenshot(page, "simulator-1920");
        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.getByTestId("sim-back")).isVisible();
        assertThat(page.getByTestId("sim-pipeline")).hasCount(2);
        screenshot(page, "simulator-390");
        page.setViewportSize(1440, 900);

        // the reload kept the transcript; the session is no WhatsApp conversation of the inbox
        page.navigate(baseUrl() + "/conversations");
        assertThat(page.getByTestId("wa-empty")).isVisible();

        page.navigate(baseUrl() + "/whatsapp/simulator");
        assertThat(page.getByTestId("sim-session")).hasCount(1);
        page.navigate(baseUrl() + page.getByTestId("sim-session").first().getAttribute("href"));
        assertThat(page.getByTestId("sim-pipeline")).hasCount(2);
        page.getByTestId("sim-delete").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("sim-deleted")).isVisible(SLOW_VISIBLE);
        assertThat(page.getByTestId("sim-empty")).isVisible();
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/whatsapp/simulator/sessions", t)
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isZero();
        page.context().close();
    }

    @Test
    void aViewerIsToldTheSimulatorIsNotForTheirRole() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/whatsapp/simulator");
        assertThat(page.getByTestId("sim-not-allowed")).isVisible();
        assertThat(page.getByTestId("sim-start-form")).hasCount(0);
        page.context().close();
    }
}
