package ai.revo.missioncontrol.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Settings → Webhooks in the browser: an admin sees the empty state, is told why a private URL is refused,
 * subscribes a receiver (the secret shown once), opens it, sends a test event after confirming and sees it
 * delivered in the log without reloading, then removes the webhook after confirming.
 */
class WebhooksBrowserTest extends BrowserTest {

    @Test
    void adminSubscribesAReceiverSendsATestEventAndSeesItDelivered() {
        WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/zap")).willReturn(aResponse().withStatus(200)));
            Api api = api();
            Api.Session admin = api.signup();
            Page page = signIn(admin.email(), admin.password());
            page.setViewportSize(1440, 1000);
            page.getByTestId("main-nav")
                    .locator("a[data-path='/settings/webhooks']")
                    .click();
            page.waitForURL(baseUrl() + "/settings/webhooks");
            assertThat(page.getByTestId("webhooks-empty")).containsText("No webhooks yet");
            for (int width : new int[] {390, 1440, 1920}) {
                page.setViewportSize(width, 1000);
                page.reload();
                screenshot(page, "webhooks-empty-" + width);
            }
            page.setViewportSize(1440, 1000);

            page.getByLabel("Receiver URL").fill("http://10.0.0.5/hook");
            page.getByLabel("Events").fill("lead., deal.won");
            page.getByTestId("webhook-submit").click();
            assertThat(page.getByTestId("webhook-form-error")).containsText("not a public address");
            assertThat(page.getByLabel("Events")).hasValue("lead., deal.won");

            page.getByLabel("Receiver URL").fill("http://127.0.0.1:" + receiver.port() + "/zap");
            page.getByLabel("Description").fill("Zapier: new leads");
            page.getByTestId("webhook-submit").click();
            assertThat(page.getByTestId("webhook-created")).containsText("this once");
            org.assertj.core.api.Assertions.assertThat(
                            page.getByTestId("webhook-secret").inputValue())
                    .startsWith("whsec_");
            Locator table = page.getByTestId("webhooks-table");
            assertThat(table).containsText("Zapier: new leads");
            assertThat(table).containsText("deal.won");
            screenshot(page, "webhooks-created-1440");

            page.getByText("Open it and send a test event").click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/settings/webhooks/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("deliveries-empty")).isVisible();
            page.getByTestId("webhook-test").click();
            page.getByTestId("confirm-ok").click();
            Locator delivered = page.locator("#webhook-deliveries tr[data-status='DELIVERED']");
            assertThat(delivered).containsText("webhook.test");
            assertThat(delivered).containsText("HTTP 200");
            org.assertj.core.api.Assertions.assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/zap"))))
                    .hasSize(1);
            for (int width : new int[] {390, 1440, 1920}) {
                page.setViewportSize(width, 1000);
                screenshot(page, "webhook-deliveries-" + width);
            }
            page.setViewportSize(1440, 1000);

            page.getByTestId("webhook-disable").click();
            page.getByTestId("confirm-ok").click();
            assertThat(page.getByTestId("webhook-status")).hasText("Disabled");
            page.getByTestId("webhook-remove").click();
            page.getByTestId("confirm-ok").click();
            page.waitForURL(baseUrl() + "/settings/webhooks");
            assertThat(page.getByTestId("webhooks-empty")).isVisible();
        } finally {
            receiver.stop();
        }
    }
}
