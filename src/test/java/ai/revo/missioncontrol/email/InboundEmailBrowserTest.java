package ai.revo.missioncontrol.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class InboundEmailBrowserTest extends BrowserTest {

    @Test
    void anAdminTurnsPostmarkInboundOnCopiesTheUrlOnceAndTurnsItOffAfterConfirming() {
        Api api = api();
        Api.Session admin = api.signup();
        Page page = signIn(admin.email(), admin.password());
        page.getByTestId("main-nav")
                .getByText("Inbound email", new Locator.GetByTextOptions().setExact(true))
                .click();
        page.waitForURL(url -> url.endsWith("/settings/inbound-email"));
        assertThat(page.getByTestId("postmark-state")).hasText("Not connected");
        assertThat(page.getByTestId("no-inbound")).containsText("No mail received yet");

        page.getByTestId("postmark-connect").click();
        assertThat(page.getByTestId("postmark-state")).hasText("Connected");
        String url = page.getByTestId("postmark-url-credentials").inputValue();
        assertThat(url)
                .contains("/api/v1/webhooks/email/postmark/")
                .contains(":")
                .contains("@");
        for (int width : new int[] {390, 1440, 1920}) {
            page.setViewportSize(width, 900);
            screenshot(page, "inbound-email-" + width);
        }
        page.setViewportSize(1280, 800);

        // shown once: after a reload only the URL without the password
        page.reload();
        assertThat(page.getByTestId("postmark-url-credentials")).hasCount(0);
        assertThat(page.getByTestId("postmark-url")).isVisible();

        // turning it off asks first; cancelling changes nothing
        page.getByTestId("postmark-disconnect").click();
        page.getByTestId("confirm-cancel").click();
        assertThat(page.getByTestId("postmark-state")).hasText("Connected");
        page.getByTestId("postmark-disconnect").click();
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("postmark-state")).hasText("Not connected");
        assertThat(page.getByTestId("inbound-outcome")).containsText("off");
    }
}
