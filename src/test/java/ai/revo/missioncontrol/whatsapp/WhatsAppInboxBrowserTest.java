package ai.revo.missioncontrol.whatsapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp inbox in Chromium: a message arrives live with its unread mark, the thread shows the window and why
 * the AI wrote nothing (no model here), a reply goes out with its tick, the next message appears live, and a person
 * takes the conversation over and hands it back.
 */
class WhatsAppInboxBrowserTest extends BrowserTest {

    static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
    static final LocatorAssertions.HasCountOptions LIVE_COUNT =
            new LocatorAssertions.HasCountOptions().setTimeout(60_000);

    void deliver(String appSecret, String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/webhooks/whatsapp"))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", WhatsAppIntegrationTest.signature(appSecret, raw))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aMessageArrivesLiveIsAnsweredWithATickAndIsTakenOverAndHandedBack() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Rings " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(300_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String appSecret = "app-secret-" + UUID.randomUUID();
        api.put(
                        "/api/v1/settings/whatsapp",
                        t,
                        Map.of(
                                "phoneNumberId",
                                phoneNumberId,
                                "businessAccountId",
                                "102290129340398",
                                "displayNumber",
                                "+1 555 078 3881",
                                "accessToken",
                                "EAAG-token-" + phoneNumberId,
                                "appSecret",
                                appSecret,
                                "verifyToken",
                                "verify-" + UUID.randomUUID(),
                                "campaignId",
                                campaign))
                .expect(200);
        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("WHATSAPP", true)))
                .expect(200);
        RecordingAdapters.configure(TenantId.of(admin.tenantId()));

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/conversations");
        assertThat(page.getByTestId("wa-empty")).isVisible();

        String waId = "1650563" + (System.nanoTime() % 9000 + 1000);
        deliver(
                appSecret,
                WhatsAppIntegrationTest.textMessage(
                        phoneNumberId, waId, "wamid.b1-" + UUID.randomUUID(), "Do you have the ring in gold?"));
        assertThat(page.getByTestId("wa-conversation")).hasCount(1, LIVE_COUNT);
        assertThat(page.getByTestId("wa-conversation").first()).hasAttribute("data-unread", "true");
        assertThat(page.getByTestId("unread-total")).hasText("1");
        screenshot(page, "whatsapp-list-1440");

        page.getByTestId("wa-conversation").first().click();
        assertThat(page.getByTestId("wa-title")).hasText("Sheena Nelson");
        assertThat(page.getByTestId("wa-message")).hasCount(1);
        assertThat(page.getByTestId("wa-message").first()).containsText("Do you have the ring in gold?");
        assertThat(page.getByTestId("window")).containsText("Window closes in 23 h");
        assertThat(page.getByTestId("lead-status")).isVisible();
        // without a model the AI writes nothing, and says so
        assertThat(page.getByTestId("ai-reply"))
                .hasAttribute(
                        "data-status", "NOT_WRITTEN", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(page.getByTestId("ai-reply")).containsText("no language model is configured");
        // the person waits and the AI wrote nothing: it needs a human
        page.navigate(baseUrl() + "/conversations?filter=NEEDS_HUMAN");
        assertThat(page.getByTestId("wa-conversation")).hasCount(1);
        page.getByTestId("wa-conversation").first().click();
        assertThat(page.getByTestId("wa-title")).hasText("Sheena Nelson");

        page.getByTestId("reply-text").fill("Yes, it comes in 18k gold.");
        page.getByTestId("reply-send").click();
        assertThat(page.getByTestId("reply-queued")).isVisible();
        assertThat(page.getByTestId("wa-message")).hasCount(2);
        assertThat(page.getByTestId("wa-message").nth(1)).hasAttribute("data-direction", "OUTBOUND");
        assertThat(page.getByTestId("wa-message").nth(1).getByTestId("tick"))
                .hasAttribute("data-tick", "SENT", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        org.assertj.core.api.Assertions.assertThat(RecordingAdapters.sentFor(TenantId.of(admin.tenantId())))
                .extracting(s -> s.message().body())
                .containsExactly("Yes, it comes in 18k gold.");

        // the next message appears without a reload
        deliver(
                appSecret,
                WhatsAppIntegrationTest.textMessage(
                        phoneNumberId, waId, "wamid.b2-" + UUID.randomUUID(), "Lovely, how long is delivery?"));
        assertThat(page.getByTestId("wa-message")).hasCount(3, LIVE_COUNT);
        assertThat(page.getByTestId("wa-message").nth(2)).containsText("how long is delivery?");

        page.getByTestId("take-over").click();
        assertThat(page.getByTestId("wa-status")).containsText("Taken over by");
        page.navigate(baseUrl() + "/conversations?filter=MINE");
        assertThat(page.getByTestId("wa-conversation")).hasCount(1);
        page.navigate(baseUrl() + "/conversations?filter=AI");
        assertThat(page.getByTestId("wa-empty")).isVisible();
        page.navigate(baseUrl() + "/conversations?filter=MINE");
        page.getByTestId("wa-conversation").first().click();
        assertThat(page.getByTestId("wa-status")).containsText("Taken over by");
        assertThat(page.getByTestId("wa-message")).hasCount(3);
        screenshot(page, "whatsapp-thread-1440");
        page.getByTestId("hand-back").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("wa-status")).hasText("The AI answers");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.getByTestId("back-to-list")).isVisible();
        screenshot(page, "whatsapp-thread-390");
        page.context().close();
    }

    @Test
    void theWindowCountsDownLiveAndTheReplyBoxClosesWhenItEnds() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Window " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(320_000_000_000L + System.nanoTime() % 1_000_000_000L);
        String appSecret = "app-secret-" + UUID.randomUUID();
        api.put(
                        "/api/v1/settings/whatsapp",
                        t,
                        Map.of(
                                "phoneNumberId",
                                phoneNumberId,
                                "businessAccountId",
                                "102290129340398",
                                "displayNumber",
                                "+1 555 078 3881",
                                "accessToken",
                                "EAAG-token-" + phoneNumberId,
                                "appSecret",
                                appSecret,
                                "verifyToken",
                                "verify-" + UUID.randomUUID(),
                                "campaignId",
                                campaign))
                .expect(200);
        String waId = "1650565" + (System.nanoTime() % 9000 + 1000);
        deliver(
                appSecret,
                WhatsAppIntegrationTest.textMessage(
                        phoneNumberId, waId, "wamid.w1-" + UUID.randomUUID(), "Is the shop open on Sunday?"));
        String conversation = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> api.get("/api/v1/conversations?channel=WHATSAPP", t)
                                .expect(200)
                                .json()
                                .path("data")
                                .path(0)
                                .path("id")
                                .asText(""),
                        id -> !id.isEmpty());

        // a fresh message: the whole day is left
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/conversations/" + conversation);
        assertThat(page.getByTestId("window-countdown"))
                .hasText(java.util.regex.Pattern.compile("Window closes in 2[34] h \\d+ min"));
        assertThat(page.getByTestId("reply-form")).isVisible();

        // the person wrote 23 h 58 min 20 s ago: under two minutes left, counted down in the page without a reload
        org.springframework.jdbc.core.simple.JdbcClient.create(
                        new org.springframework.jdbc.datasource.DriverManagerDataSource(
                                database().url(),
                                database().username(),
                                database().password()))
                .sql("update conversations set last_inbound_at = ? where id = ?")
                .params(
                        java.sql.Timestamp.from(java.time.Instant.now()
                                .minus(java.time.Duration.ofHours(24))
                                .plusSeconds(100)),
                        UUID.fromString(conversation))
                .update();
        page.navigate(baseUrl() + "/conversations/" + conversation);
        assertThat(page.getByTestId("window-countdown")).hasText("Window closes in 1 min");
        screenshot(page, "whatsapp-window-countdown-1440");
        page.setViewportSize(390, 844);
        assertThat(page.getByTestId("window-countdown")).isVisible();
        screenshot(page, "whatsapp-window-countdown-390");
        assertThat(page.getByTestId("window-countdown")).hasText("Window closes in less than a minute", LIVE);

        // at zero the reply box switches to the closed-window state: no free-form reply, the template picker
        assertThat(page.getByTestId("window-closed"))
                .containsText(
                        "free-form reply is not possible",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.getByTestId("reply-form")).hasCount(0);
        assertThat(page.getByTestId("window-closed-label")).hasText("Window closed: only a template may be sent");
        assertThat(page.getByTestId("template-box")).isVisible();
        screenshot(page, "whatsapp-window-closed-390");
        page.setViewportSize(1440, 900);
        assertThat(page.getByTestId("window-closed")).isVisible();
        screenshot(page, "whatsapp-window-closed-1440");
        org.assertj.core.api.Assertions.assertThat(policyViolations).isEmpty();
        page.context().close();
    }
}
