package ai.revo.missioncontrol.activity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedDescriptionsBrowserTest extends BrowserTest {

    @Test
    void feedAndAuditDescribeEventsWithNamesAndKeepTheRawEventBehindDetails() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Spring launch"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("email", "ana@example.com", "firstName", "Ana", "lastName", "Silva")))
                .expect(201)
                .json()
                .path("id")
                .asText();

        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/feed");
        Locator list = page.getByTestId("event-list");
        assertThat(list.locator("[data-type='lead.created'] [data-testid=event-description]"))
                .hasText("Ana Silva added as a lead to Spring launch");
        assertThat(list.locator("[data-type='campaign.created'] [data-testid=event-description]"))
                .hasText("Campaign Spring launch created");
        // no UUID on the visible line; the raw event is behind the details toggle
        Locator created = list.locator("[data-type='lead.created']");
        assertThat(created.locator("[data-testid=event-description]")).not().containsText(lead);
        assertThat(created.locator("[data-field=payload]")).not().isVisible();
        created.getByText("Details").click();
        assertThat(created.locator("[data-field=payload]")).isVisible();
        assertThat(created.locator("[data-field=payload]")).containsText(lead);

        // a live event arrives described, with names, like the first ones
        api.patch("/api/v1/leads/" + lead, admin.accessToken(), Map.of("status", "ENRICHED"))
                .expect(200);
        assertThat(list.locator("[data-type='lead.status_changed'] [data-testid=event-description]"))
                .hasText("Ana Silva moved from new to enriched in Spring launch");
        for (int width : new int[] {1440, 1920, 390}) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(400); // the sidebar's open/close transition
            screenshot(page, "feed-described-" + width);
        }

        page.navigate(baseUrl() + "/audit");
        Locator audit = page.getByTestId("audit-table");
        assertThat(audit.getByTestId("audit-description").first())
                .hasText("Ana Silva moved from new to enriched in Spring launch");
        assertThat(audit).containsText("Campaign Spring launch created");
        assertThat(audit.getByTestId("audit-row").first().getByTestId("audit-raw"))
                .not()
                .isVisible();
        audit.getByTestId("audit-row").first().getByText("Details").click();
        assertThat(audit.getByTestId("audit-row").first().getByTestId("audit-raw"))
                .containsText("lead.status_changed");
        for (int width : new int[] {1440, 1920, 390}) {
            page.setViewportSize(width, 900);
            page.waitForTimeout(400); // the sidebar's open/close transition
            screenshot(page, "audit-described-" + width);
        }
        page.context().close();
    }
}
