package ai.revo.missioncontrol.revenue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueBrowserTest extends BrowserTest {

    private static void drag(Page page, Locator item, Locator target) {
        var from = item.boundingBox();
        var to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse()
                .move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(to.x + to.width / 2, to.y + 20, new Mouse.MoveOptions().setSteps(20));
        page.mouse().up();
    }

    @Test
    void aCloserDragsADealAcrossThePipelineAndTheHomePageShowsTheFigures() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session closer = api.addUser(admin, "CLOSER");
        String t = admin.accessToken();
        JsonNode lead = RevenueFixtures.lead(api, t, "Umbrella", "2000", "EUR");
        Page page = signIn(closer.email(), closer.password());
        page.navigate(baseUrl() + "/deals");
        assertThat(page.getByTestId("deals-empty")).isVisible();
        page.getByTestId("new-deal-open").click();
        page.getByTestId("new-deal-lead").selectOption(lead.path("id").asText());
        page.getByTestId("new-deal-save").click();
        assertThat(page.getByTestId("deal-name")).hasText("Umbrella deal");
        String deal = page.url().substring(page.url().lastIndexOf('/') + 1);
        api.patch(
                        "/api/v1/deals/" + deal,
                        t,
                        Map.of(
                                "expectedCloseDate",
                                LocalDate.now(ZoneId.of("America/Toronto")).toString()))
                .expect(200);

        page.navigate(baseUrl() + "/deals");
        Locator card = page.locator("[data-deal='" + deal + "']");
        assertThat(page.getByTestId("deal-stage-Qualification").locator("[data-deal='" + deal + "']"))
                .isVisible();
        page.waitForResponse(
                r -> r.url().endsWith("/stage"), () -> drag(page, card, page.getByTestId("deal-stage-Negotiation")));
        assertThat(page.getByTestId("deal-stage-Negotiation").locator("[data-deal='" + deal + "']"))
                .isVisible();
        assertThat(page.getByTestId("deal-column-Negotiation").getByTestId("column-total"))
                .containsText("2,000.00 EUR");
        assertThat(page.getByTestId("deal-column-Negotiation").getByTestId("column-total"))
                .containsText("1,200.00");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/deals/" + deal, t)
                        .json()
                        .path("stage")
                        .path("name")
                        .asText())
                .isEqualTo("Negotiation");
        screenshot(page, "deals-pipeline");

        page.navigate(baseUrl() + "/deals/" + deal);
        page.locator("#o-who").selectOption("THEM");
        page.getByTestId("offer-amount").fill("1500");
        page.getByTestId("offer-save").click();
        assertThat(page.getByTestId("deal-timeline")).containsText("Their offer");
        assertThat(page.getByTestId("deal-timeline")).containsText("25.00 % off");
        page.locator("#o-who").selectOption("US");
        page.getByTestId("offer-amount").fill("1500");
        page.getByTestId("offer-save").click();
        assertThat(page.getByTestId("offer-error")).containsText("above the maximum of 20.00 %");
        assertThat(page.getByTestId("deal-timeline")).containsText("Qualification → Negotiation");
        screenshot(page, "deal-page");

        page.navigate(baseUrl() + "/");
        assertThat(page.getByTestId("revenue-open-pipeline")).containsText("2,000.00 EUR");
        assertThat(page.getByTestId("revenue-weighted-this-month")).containsText("1,200.00 EUR");
        page.setViewportSize(390, 844);
        screenshot(page, "home-revenue-390");
        page.context().close();
    }

    @Test
    void financeDraftsIssuesAndPaysAnInvoiceOnItsPage() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session finance = api.addUser(admin, "FINANCE");
        String deal = RevenueFixtures.deal(api, admin.accessToken(), "900", "EUR")
                .path("id")
                .asText();
        Page page = signIn(finance.email(), finance.password());
        page.navigate(baseUrl() + "/invoices");
        assertThat(page.getByTestId("invoices-empty")).isVisible();
        page.getByTestId("new-invoice-open").click();
        page.getByTestId("new-invoice-deal").selectOption(deal);
        page.getByTestId("new-invoice-save").click();
        assertThat(page.getByTestId("invoice-number")).hasText("Draft");
        assertThat(page.getByTestId("invoice-total")).hasText("900.00 EUR");
        page.getByTestId("invoice-issue").click();
        page.locator("#confirm-dialog [data-confirm-ok]").click();
        assertThat(page.getByTestId("invoice-number")).containsText("INV-");
        assertThat(page.getByTestId("invoice-status")).hasText("ISSUED");
        page.locator("#p-amount").fill("400");
        page.getByTestId("payment-save").click();
        assertThat(page.getByTestId("invoice-status")).hasText("PARTIALLY_PAID");
        assertThat(page.getByTestId("invoice-balance")).hasText("500.00 EUR");
        screenshot(page, "invoice-page");
        page.navigate(baseUrl() + "/invoices");
        assertThat(page.getByTestId("invoices-table")).containsText("PARTIALLY_PAID");
        page.context().close();
    }
}
