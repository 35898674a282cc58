package ai.revo.missioncontrol.whatsapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The reply box's template picker in Chromium: the approved templates with language and category, a template's
 * parameters with the server-rendered live preview, the confirm dialog, and the sent template in the thread; with
 * the window closed the page says free-form replies are not possible, and with no approved template it says so.
 */
class ConversationTemplatePickerBrowserTest extends BrowserTest {

    void deliver(String appSecret, String body) throws Exception {
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(baseUrl() + "/api/v1/webhooks/whatsapp"))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", WhatsAppIntegrationTest.signature(appSecret, raw))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(raw))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).isEqualTo(200);
    }

    JdbcClient db() {
        return JdbcClient.create(new DriverManagerDataSource(
                database().url(), database().username(), database().password()));
    }

    void template(String tenant, String name, String status, String body, int parameters) {
        db().sql("""
                        insert into whatsapp_templates (id, tenant_id, provider_template_id, name, language, category,
                            status, components, body_text, body_parameters, header_parameters, synced_at)
                        values (?, ?, ?, ?, 'en_US', 'MARKETING', ?, '[]'::jsonb, ?, ?, 0, now())""")
                .params(UUID.randomUUID(), UUID.fromString(tenant), "p-" + name, name, status, body, parameters)
                .update();
    }

    @Test
    void aTemplateIsPickedPreviewedConfirmedAndSent() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Rings " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String phoneNumberId = String.valueOf(310_000_000_000L + System.nanoTime() % 1_000_000_000L);
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
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        template(admin.tenantId(), "spring_sale", "APPROVED", "Hi {{1}}, our spring sale starts {{2}}.", 2);
        template(admin.tenantId(), "paused_promo", "PAUSED", "Promo for you", 0);

        String waId = "1650564" + (System.nanoTime() % 9000 + 1000);
        deliver(
                appSecret,
                WhatsAppIntegrationTest.textMessage(
                        phoneNumberId, waId, "wamid.t1-" + UUID.randomUUID(), "Any sale coming up?"));
        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/conversations");
        assertThat(page.getByTestId("wa-conversation")).hasCount(1, WhatsAppInboxBrowserTest.LIVE_COUNT);
        page.getByTestId("wa-conversation").first().click();
        assertThat(page.getByTestId("wa-message")).hasCount(1);

        // only the approved template is offered, with its language and category
        page.getByTestId("template-open").click();
        assertThat(page.getByTestId("template-option")).hasCount(1);
        assertThat(page.getByTestId("template-option").first()).containsText("spring_sale");
        assertThat(page.getByTestId("template-option").first().getByTestId("template-language"))
                .hasText("en_US");
        assertThat(page.getByTestId("template-option").first().getByTestId("template-category"))
                .hasText("MARKETING");
        page.getByTestId("template-option").first().click();
        assertThat(page.getByTestId("template-chosen")).hasText("spring_sale");
        assertThat(page.getByTestId("template-parameter")).hasCount(2);
        assertThat(page.getByTestId("template-preview")).hasText("Hi {{1}}, our spring sale starts {{2}}.");

        // the preview follows what is typed, rendered by the server
        page.getByTestId("template-parameter").nth(0).fill("Sheena");
        assertThat(page.getByTestId("template-preview")).hasText("Hi Sheena, our spring sale starts {{2}}.");
        page.getByTestId("template-parameter").nth(1).fill("Monday, 9 am");
        assertThat(page.getByTestId("template-preview")).hasText("Hi Sheena, our spring sale starts Monday, 9 am.");
        screenshot(page, "whatsapp-template-picker-1440");

        // the send is confirmed first; cancelling sends nothing
        page.getByTestId("template-send").click();
        assertThat(page.locator("#confirm-dialog")).isVisible();
        assertThat(page.locator("#confirm-dialog [data-confirm-body]")).containsText("spring_sale");
        page.locator("#confirm-dialog").press("Escape");
        assertThat(page.locator("#confirm-dialog")).not().isVisible();
        org.assertj.core.api.Assertions.assertThat(RecordingAdapters.sentFor(tenant))
                .isEmpty();
        page.getByTestId("template-send").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("template-sent")).isVisible();
        assertThat(page.getByTestId("wa-message")).hasCount(2);
        assertThat(page.getByTestId("wa-message").nth(1)).hasAttribute("data-direction", "OUTBOUND");
        assertThat(page.getByTestId("wa-message").nth(1))
                .containsText("Hi Sheena, our spring sale starts Monday, 9 am.");
        assertThat(page.getByTestId("wa-message").nth(1).getByTestId("tick"))
                .hasAttribute("data-tick", "SENT", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        org.assertj.core.api.Assertions.assertThat(RecordingAdapters.sentFor(tenant))
                .singleElement()
                .satisfies(s -> {
                    org.assertj.core.api.Assertions.assertThat(
                                    s.message().whatsapp().templateName())
                            .isEqualTo("spring_sale");
                    org.assertj.core.api.Assertions.assertThat(
                                    s.message().whatsapp().parameters())
                            .containsExactly("Sheena", "Monday, 9 am");
                });

        // the window closes: no free-form reply, the picker is there at once
        db().sql("update conversations set last_inbound_at = ? where tenant_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(2 * 86_400)), UUID.fromString(admin.tenantId()))
                .update();
        page.reload();
        assertThat(page.getByTestId("window-closed")).containsText("free-form reply is not possible");
        assertThat(page.getByTestId("reply-form")).hasCount(0);
        assertThat(page.getByTestId("template-option")).hasCount(1);

        // no approved template left: the page says so
        db().sql("update whatsapp_templates set status = 'PAUSED' where tenant_id = ?")
                .param(UUID.fromString(admin.tenantId()))
                .update();
        page.reload();
        assertThat(page.getByTestId("no-templates")).containsText("No approved WhatsApp templates");
        org.assertj.core.api.Assertions.assertThat(policyViolations).isEmpty();
        page.context().close();
    }
}
