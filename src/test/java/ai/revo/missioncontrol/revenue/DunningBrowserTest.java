package ai.revo.missioncontrol.revenue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dunning page: overdue invoices, running the check with a confirmation, approving and rejecting reminders. */
class DunningBrowserTest extends BrowserTest {

    @Autowired
    Invoices invoices;

    @Autowired
    ai.revo.missioncontrol.identity.UserManagement users;

    private String overdueInvoice(Api api, String token, String dealId, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("dealId", dealId);
        body.put("customerEmail", Api.uniqueEmail("ap"));
        body.put("issueDate", due.minusDays(30).toString());
        body.put("dueDate", due.toString());
        body.put(
                "lines",
                List.of(Map.of(
                        "description", "Work", "quantity", 1, "unitPrice", new BigDecimal("300"), "taxRate", 0)));
        String id = api.post("/api/v1/invoices", token, body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/invoices/" + id + "/issue", token, null).expect(200);
        return id;
    }

    @Test
    void financeRunsTheCheckAfterConfirmingThenApprovesOneReminderAndRejectsAnother() {
        Api api = api();
        Api.Session admin = api.signup();
        String a = admin.accessToken();
        TenantId tenant = TenantId.of(admin.tenantId());
        RecordingAdapters.configure(tenant);
        api.patch("/api/v1/settings/safety", a, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        Api.Session finance = api.addUser(admin, "FINANCE");
        LocalDate due =
                LocalDate.now(ZoneId.of(users.workspace(tenant).timeZone())).minusDays(2);
        JsonNode deal = RevenueFixtures.deal(api, a, "300", "EUR");
        String first = overdueInvoice(api, a, deal.path("id").asText(), due);
        String second = overdueInvoice(api, a, deal.path("id").asText(), due);
        invoices.markOverdue(tenant);

        Page page = signIn(finance.email(), finance.password());
        page.navigate(baseUrl() + "/dunning");
        assertThat(page.getByTestId("overdue-table").locator("[data-invoice='" + first + "']"))
                .containsText("none yet");
        assertThat(page.getByTestId("overdue-table").locator("[data-invoice='" + second + "']"))
                .containsText("300.00 EUR");
        // the run asks first; dismissing it runs nothing
        page.getByTestId("dunning-run").click();
        assertThat(page.locator("#confirm-dialog")).containsText("drafted for review");
        page.keyboard().press("Escape");
        assertThat(page.locator("#confirm-dialog")).not().isVisible();
        assertThat(page.getByTestId("reminders-empty")).isVisible();
        page.getByTestId("dunning-run").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("dunning-ran"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(30_000));
        Locator firstRow = page.getByTestId("reminders-table")
                .locator("tr", new Locator.LocatorOptions().setHas(page.locator("a[href='/invoices/" + first + "']")));
        Locator secondRow = page.getByTestId("reminders-table")
                .locator("tr", new Locator.LocatorOptions().setHas(page.locator("a[href='/invoices/" + second + "']")));
        assertThat(firstRow.getByTestId("reminder-status")).hasText("DRAFTED");
        assertThat(firstRow.getByTestId("reminder-inbox-link")).isVisible();
        assertThat(firstRow).containsText("1 days after due");
        screenshot(page, "dunning-page");

        firstRow.getByTestId("reminder-approve").click();
        assertThat(page.locator("#confirm-dialog")).containsText("Send this reminder with the invoice PDF");
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        // the send renders the PDF and hands it to the gateway: slower than a page on a loaded machine
        assertThat(page.getByTestId("dunning-decided"))
                .containsText(
                        "SENT",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        assertThat(firstRow.getByTestId("reminder-status")).hasText("SENT");
        org.assertj.core.api.Assertions.assertThat(RecordingAdapters.sentFor(tenant))
                .hasSize(1);

        secondRow.getByTestId("reminder-reason").fill("Paying by instalments, agreed");
        secondRow.getByTestId("reminder-reject").click();
        assertThat(page.getByTestId("dunning-decided")).containsText("REJECTED");
        assertThat(secondRow.getByTestId("reminder-status")).hasText("REJECTED");
        assertThat(secondRow).containsText("Paying by instalments, agreed");
        assertThat(page.getByTestId("overdue-table").locator("[data-invoice='" + first + "']"))
                .containsText("SENT");
        org.assertj.core.api.Assertions.assertThat(RecordingAdapters.sentFor(tenant))
                .hasSize(1);

        // the reviewer's inbox link opens the reminder's draft, already decided
        page.navigate(baseUrl() + "/dunning?status=SENT");
        page.getByTestId("reminder-inbox-link").first().click();
        assertThat(page.getByRole(
                                com.microsoft.playwright.options.AriaRole.HEADING,
                                new Page.GetByRoleOptions().setName("Overdue: invoice"))
                        .first())
                .isVisible();
        page.setViewportSize(390, 844);
        page.navigate(baseUrl() + "/dunning");
        screenshot(page, "dunning-page-390");
        page.context().close();
    }
}
