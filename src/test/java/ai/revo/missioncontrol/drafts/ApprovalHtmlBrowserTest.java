package ai.revo.missioncontrol.drafts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The approver sees both parts of an email draft: the text, the HTML in a sandboxed frame, and every link. */
class ApprovalHtmlBrowserTest extends BrowserTest {

    @Test
    void theInboxShowsTheHtmlPartAndItsLinks() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Both parts"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        t,
                        Map.of(
                                "campaignId", campaign,
                                "channel", "EMAIL",
                                "subject", "Your invoice",
                                "bodyText", "Hi, your invoice is attached.",
                                "bodyHtml",
                                        "<p>Hi, <a href=\"https://pay.example.net/now\">view your invoice</a></p>"
                                                + "<script>alert(1)</script>"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + draft, t, Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        Page page = signIn(admin.email(), admin.password());
        page.navigate(baseUrl() + "/approvals");
        page.locator("[data-draft='" + draft + "']").first().click();
        assertThat(page.getByTestId("draft-body")).containsText("invoice is attached");
        assertThat(page.getByTestId("draft-html")).hasAttribute("sandbox", "");
        assertThat(page.frameLocator("[data-testid=draft-html]").locator("a")).hasText("view your invoice");
        assertThat(page.getByTestId("draft-links")).containsText("view your invoice");
        assertThat(page.getByTestId("draft-links")).containsText("https://pay.example.net/now");
        screenshot(page, "approvals-html-part");
        page.context().close();
    }
}
