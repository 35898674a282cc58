package ai.revo.missioncontrol.drafts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.BrowserTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalsBrowserTest extends BrowserTest {

    @Test
    void anAdminApprovesWithNotesAndTheDraftLeavesAnotherUsersInboxLive() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Inbox"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", "ines@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "leadId",
                                lead,
                                "channel",
                                "EMAIL",
                                "subject",
                                "Quick question",
                                "bodyText",
                                "Hi Ines,\nDo you have a minute?"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch(
                        "/api/v1/drafts/" + draft,
                        admin.accessToken(),
                        Map.of("bodyText", "Hi Ines,\nDo you have five minutes?"))
                .expect(200);
        api.patch("/api/v1/drafts/" + draft, admin.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);

        Page watcher = signIn(operator.email(), operator.password());
        watcher.navigate(baseUrl() + "/approvals");
        assertThat(watcher.getByTestId("live-indicator")).hasText("LIVE");
        assertThat(watcher.getByTestId("queue-count")).hasText("1");

        Page reviewer = signIn(admin.email(), admin.password());
        reviewer.navigate(baseUrl() + "/approvals");
        reviewer.locator("[data-draft='" + draft + "']").first().click();
        assertThat(reviewer.getByTestId("draft-body")).containsText("five minutes");
        assertThat(reviewer.getByTestId("draft-diff")).containsText("+ Do you have five minutes?");
        screenshot(reviewer, "approvals-detail");
        reviewer.locator("#d-notes").fill("Friendly, go ahead");
        reviewer.getByTestId("decide-APPROVE_WITH_NOTES").click();
        reviewer.getByTestId("confirm-ok").click();
        assertThat(reviewer.getByTestId("decided")).containsText("You approved");

        assertThat(watcher.getByTestId("queue-empty"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/approvals?draftId=" + draft, admin.accessToken())
                        .json()
                        .path("data")
                        .get(0)
                        .path("notes")
                        .asText())
                .isEqualTo("Friendly, go ahead");
        screenshot(watcher, "approvals-empty");
        watcher.context().close();
        reviewer.context().close();
    }

    @Test
    void nonAdminsSeeTheInboxWithoutDecisionButtons() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Look only"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "channel", "SMS", "bodyText", "Hello from the shop"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + draft, admin.accessToken(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        Page page = signIn(viewer.email(), viewer.password());
        page.navigate(baseUrl() + "/approvals");
        page.locator("[data-draft='" + draft + "']").first().click();
        assertThat(page.getByTestId("draft-body")).containsText("Hello from the shop");
        assertThat(page.getByTestId("decide-APPROVE")).hasCount(0);
        page.context().close();
    }
}
