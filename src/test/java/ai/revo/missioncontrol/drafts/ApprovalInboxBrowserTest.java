package ai.revo.missioncontrol.drafts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The approval inbox with 200 waiting drafts: filters and search, keyboard review, bulk decisions, three widths. */
class ApprovalInboxBrowserTest extends BrowserTest {

    private static String id(Api.Response r) {
        return r.expect(201).json().path("id").asText();
    }

    private static String submit(Api api, String token, Map<String, Object> body) {
        String draft = id(api.post("/api/v1/drafts", token, body));
        api.patch("/api/v1/drafts/" + draft, token, Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        return draft;
    }

    @Test
    void aReviewerWorksThroughTwoHundredDraftsWithFiltersKeysAndBulkDecisions() {
        Api api = api();
        Api.Session admin = api.signup();
        ai.revo.missioncontrol.outbound.RecordingAdapters.configure(
                new ai.revo.missioncontrol.identity.TenantId(UUID.fromString(admin.tenantId())));
        String t = admin.accessToken();
        api.patch("/api/v1/settings/safety", t, Map.of("channels", Map.of("SMS", false)))
                .expect(200);
        String spring = id(api.post("/api/v1/campaigns", t, Map.of("name", "Spring launch " + UUID.randomUUID())));
        String reminders = id(api.post("/api/v1/campaigns", t, Map.of("name", "SMS reminders " + UUID.randomUUID())));
        String lead = id(api.post(
                "/api/v1/leads",
                t,
                Map.of(
                        "campaignId",
                        spring,
                        "contact",
                        Map.of("email", Api.uniqueEmail("ines"), "firstName", "Ines", "lastName", "Moreau"))));
        submit(
                api,
                t,
                Map.of(
                        "campaignId", spring,
                        "leadId", lead,
                        "channel", "EMAIL",
                        "subject", "A question for Ines",
                        "bodyText", "Hi Ines,\nDo you have a minute?",
                        "priority", "URGENT"));
        List<String> smsDrafts = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            Map<String, Object> body = new HashMap<>();
            boolean sms = i % 4 == 0; // 50 SMS drafts in their own campaign
            body.put("campaignId", sms ? reminders : spring);
            body.put("channel", sms ? "SMS" : "EMAIL");
            body.put("bodyText", (sms ? "Reminder number " : "Hello number ") + i);
            body.put("priority", i % 10 == 1 ? "HIGH" : "NORMAL");
            if (!sms) {
                body.put("subject", "Offer " + i);
            }
            String d = submit(api, t, body);
            if (sms) {
                smsDrafts.add(d);
            }
        }

        Page page = signIn(admin.email(), admin.password());
        page.setViewportSize(1440, 900);
        page.navigate(baseUrl() + "/approvals");
        assertThat(page.getByTestId("queue-count")).hasText("200");
        assertThat(page.getByTestId("queue-pager")).containsText("1–50 of 200");
        assertThat(page.getByTestId("keyboard-hint")).containsText("approve");
        page.getByTestId("queue-next").click();
        assertThat(page.getByTestId("queue-pager")).containsText("51–100 of 200");

        // filters and search, in the database
        page.getByTestId("filter-channel").selectOption("SMS");
        assertThat(page.getByTestId("queue-count")).hasText("50");
        assertThat(page.locator(".mc-queue-item [data-testid='cannot-send']").first())
                .isVisible();
        page.getByTestId("filter-channel").selectOption("");
        page.getByTestId("filter-priority").selectOption("HIGH");
        assertThat(page.getByTestId("queue-count")).hasText("20");
        page.getByTestId("filter-priority").selectOption("");
        page.getByTestId("filter-q").fill("moreau");
        assertThat(page.getByTestId("queue-count")).hasText("1");
        assertThat(page.getByTestId("queue-lead")).hasText("Ines Moreau");
        page.getByTestId("filter-q").fill("");
        assertThat(page.getByTestId("queue-count")).hasText("200");
        page.getByTestId("filter-q").press("Escape"); // leaves the search box, so the keys reach the inbox

        // keyboard: j/k move and open, a approves after one confirmation, the next draft opens
        page.keyboard().press("j");
        assertThat(page.getByTestId("draft-body")).containsText("Do you have a minute?");
        page.keyboard().press("j");
        String second = page.locator(".mc-queue-item").nth(1).getAttribute("data-draft");
        String third = page.locator(".mc-queue-item").nth(2).getAttribute("data-draft");
        assertThat(page.getByTestId("draft-detail")).hasAttribute("data-draft", second);
        page.keyboard().press("k");
        assertThat(page.getByTestId("draft-body")).containsText("Do you have a minute?");
        screenshot(page, "approval-inbox-1440");
        page.keyboard().press("a");
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("decided"))
                .hasText(
                        Pattern.compile(
                                "You approved “A question for Ines” for ines.*@example.com and it was handed"
                                        + " to the outbound gateway, which shows it on the Outbound page\\.|You approved “A question for Ines” for"
                                        + " ines.*@example.com, but EMAIL cannot send right now, so the outbound gateway will block it\\."));
        assertThat(page.getByTestId("draft-detail")).hasAttribute("data-draft", second);
        assertThat(page.getByTestId("queue-count")).hasText("199");

        // r: the reason is asked before the confirmation
        page.keyboard().press("r");
        page.getByTestId("decide-REJECT").click();
        assertThat(page.getByTestId("reason-required")).isVisible();
        assertThat(page.locator("#confirm-dialog")).not().hasAttribute("open", "");
        page.locator("#d-notes").fill("Too pushy");
        page.locator("#d-notes").press("Control+Enter");
        page.getByTestId("confirm-ok").click();
        assertThat(page.getByTestId("decided")).containsText("You rejected");
        assertThat(page.getByTestId("draft-detail")).hasAttribute("data-draft", third);
        assertThat(page.getByTestId("queue-count")).hasText("198");

        // a draft whose channel cannot send says so before it is approved
        page.getByTestId("filter-campaign").selectOption(reminders);
        assertThat(page.getByTestId("queue-count")).hasText("50");
        page.locator(".mc-queue-item .mc-queue-open").first().click();
        assertThat(page.getByTestId("channel-cannot-send")).containsText("switched off");

        // bulk: select the page, approve with one confirmation that names what cannot send
        page.getByTestId("select-all").check();
        assertThat(page.getByTestId("bulk-approve")).containsText("50");
        page.getByTestId("bulk-approve").click();
        assertThat(page.getByTestId("bulk-dialog")).containsText("50 SMS drafts cannot be sent right now");
        screenshot(page, "approval-inbox-bulk-1440");
        page.getByTestId("bulk-ok").click();
        // fifty decisions, each in its own transaction: give a loaded machine time
        assertThat(page.getByTestId("bulk-decided"))
                .hasText(
                        "You approved 50 drafts.",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("queue-count")).hasText("0");
        page.getByTestId("filter-reset").click();
        assertThat(page.getByTestId("queue-count")).hasText("148");

        // bulk reject needs its reason inside the same dialog
        page.locator(".mc-queue-item [data-select]").nth(0).check();
        page.locator(".mc-queue-item [data-select]").nth(1).check();
        assertThat(page.getByTestId("bulk-reject")).containsText("2");
        page.getByTestId("bulk-reject").click();
        page.getByTestId("bulk-ok").click();
        assertThat(page.getByTestId("bulk-reason")).hasClass(Pattern.compile("is-invalid"));
        page.getByTestId("bulk-reason").fill("Duplicate offers");
        page.getByTestId("bulk-ok").click();
        assertThat(page.getByTestId("bulk-decided"))
                .hasText(
                        "You rejected 2 drafts.",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.getByTestId("queue-count")).hasText("146");
        for (String sms : smsDrafts) {
            JsonNode d = api.get("/api/v1/drafts/" + sms, t).json();
            org.assertj.core.api.Assertions.assertThat(d.path("status").asText())
                    .isEqualTo("APPROVED");
        }

        page.setViewportSize(1920, 1080);
        page.locator(".mc-queue-item .mc-queue-open").first().click();
        assertThat(page.getByTestId("draft-body")).isVisible();
        screenshot(page, "approval-inbox-1920");

        // on a phone the detail is its own screen
        page.setViewportSize(390, 844);
        page.navigate(baseUrl() + "/approvals");
        assertThat(page.getByTestId("approval-detail")).not().isVisible();
        page.locator(".mc-queue-item .mc-queue-open").first().click();
        assertThat(page.getByTestId("draft-body")).isVisible();
        assertThat(page.getByTestId("approval-queue")).not().isVisible();
        screenshot(page, "approval-inbox-390-detail");
        page.getByTestId("inbox-back").click();
        assertThat(page.getByTestId("approval-queue")).isVisible();
        screenshot(page, "approval-inbox-390");
        page.context().close();
    }
}
