package ai.revo.missioncontrol.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The email page of a simulated email: it says why it cannot be sent for real while dry run is on, then sends it for
 * real once after a confirmation. The composer's prospect search at phone width.
 */
class SendForRealBrowserTest extends BrowserTest {

    @Test
    void aSimulatedEmailIsSentForRealFromItsPageAfterAConfirmation() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        RecordingAdapters.configure(TenantId.of(admin.tenantId()));
        String to = Api.uniqueEmail("rosalind");
        String draft = api.post("/api/v1/emails/draft", t, Map.of("subject", "Photo 51", "bodyHtml", "<p>Hi</p>"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String simulated = api.send(
                        "POST",
                        "/api/v1/emails/send",
                        t,
                        Map.of("draftId", draft, "toEmail", to),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202)
                .json()
                .path("id")
                .asText();

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/emails/" + simulated);
        page.waitForCondition(() -> {
            page.reload();
            return page.getByTestId("send-for-real-box").count() == 1;
        });
        assertThat(page.getByTestId("send-for-real-dry-run")).containsText("Dry run is still on");
        assertThat(page.getByTestId("send-for-real")).hasCount(0);
        screenshot(page, "send-for-real-dry-run-1440");

        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        page.reload();
        page.setViewportSize(390, 844);
        screenshot(page, "send-for-real-390");
        page.setViewportSize(1920, 1080);
        page.getByTestId("send-for-real").click();
        assertThat(page.locator("#confirm-dialog")).containsText("Send this email to " + to + " for real now?");
        screenshot(page, "send-for-real-confirm-1920");
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        page.waitForURL(Pattern.compile(".*/emails/[0-9a-f-]{36}\\?sentForReal$"));
        assertThat(page.getByTestId("sent-for-real-queued")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain(simulated);

        page.navigate(baseUrl() + "/emails/" + simulated);
        assertThat(page.getByTestId("sent-for-real")).containsText("Already sent for real");
        assertThat(page.getByTestId("send-for-real")).hasCount(0);

        // the composer's To box is a search, also on a phone
        api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                api.post("/api/v1/campaigns", t, Map.of("name", "Phone " + UUID.randomUUID()))
                                        .expect(201)
                                        .json()
                                        .path("id")
                                        .asText(),
                                "contact",
                                Map.of("firstName", "Rosalind", "lastName", "Franklin", "email", to)))
                .expect(201);
        page.setViewportSize(390, 844);
        page.navigate(baseUrl() + "/compose");
        page.getByTestId("prospect-search").fill("franklin");
        assertThat(page.getByTestId("prospect-option")).hasCount(1);
        screenshot(page, "composer-prospect-search-390");
        page.getByTestId("prospect-pick").first().click();
        assertThat(page.getByTestId("prospect-chosen")).containsText("Rosalind Franklin");
        page.context().close();
    }
}
